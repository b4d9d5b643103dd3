SELECT c.customer_id
FROM public.customers AS c
WHERE c.balance IS DISTINCT FROM 1e6
