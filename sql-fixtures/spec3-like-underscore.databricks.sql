SELECT c.customer_id
FROM fx.public.customers AS c
WHERE (c.email LIKE '%@example.___')
