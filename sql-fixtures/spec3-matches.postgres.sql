SELECT c.customer_id
FROM public.customers AS c
WHERE (c.email ~ '^[a-z]+@example\.com$')
