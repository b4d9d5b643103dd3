SELECT c.customer_id
FROM fx.public.customers AS c
WHERE NOT COALESCE(contains(c.email, '@example.com'), FALSE)
