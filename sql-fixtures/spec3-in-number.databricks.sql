SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.balance IN (0, 99.99, 1e-3)
