SELECT c.customer_id
FROM public.customers AS c
WHERE c.balance IN (1e-3, 3.14)
