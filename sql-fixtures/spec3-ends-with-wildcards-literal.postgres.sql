SELECT c.customer_id
FROM public.customers AS c
WHERE (right(c.email, char_length('%@example.com')) = '%@example.com')
