SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.balance IN (1e-3, 3.14)
