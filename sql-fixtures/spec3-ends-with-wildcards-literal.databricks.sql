SELECT c.customer_id
FROM fx.public.customers AS c
WHERE endswith(c.email, '%@example.com')
