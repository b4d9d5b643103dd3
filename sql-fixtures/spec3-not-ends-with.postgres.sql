SELECT c.customer_id
FROM public.customers AS c
WHERE NOT COALESCE((right(c.email, char_length('.com')) = '.com'), FALSE)
