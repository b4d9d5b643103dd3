SELECT c.customer_id
FROM fx.public.customers AS c
WHERE startswith(c.first_name, 'O\'')
