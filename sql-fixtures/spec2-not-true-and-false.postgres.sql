SELECT c.customer_id
FROM public.customers AS c
