SELECT c.customer_id
FROM fx.public.customers AS c
WHERE contains(c.email, '@example.com')
