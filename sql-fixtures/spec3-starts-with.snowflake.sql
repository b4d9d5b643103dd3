SELECT c.customer_id
FROM fx.public.customers AS c
WHERE STARTSWITH(c.email, 'eve+')
