SELECT c.customer_id
FROM fx.public.customers AS c
WHERE CONTAINS(c.email, '_')
