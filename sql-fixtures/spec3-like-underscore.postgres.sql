SELECT c.customer_id
FROM public.customers AS c
WHERE (c.email LIKE '%@example.___')
