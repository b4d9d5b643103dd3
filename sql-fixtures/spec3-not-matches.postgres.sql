SELECT c.customer_id
FROM public.customers AS c
WHERE NOT COALESCE((c.email ~ '[0-9]'), FALSE)
