SELECT c.customer_id
FROM fx.public.customers AS c
WHERE NOT COALESCE(c.balance IN (0, 99.99, 0.001), FALSE)
