SELECT c.customer_id
FROM fx.public.customers AS c
WHERE NOT COALESCE(startswith(c.email, 'a'), FALSE)
