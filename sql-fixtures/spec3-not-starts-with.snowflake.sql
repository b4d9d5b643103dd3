SELECT c.customer_id
FROM fx.public.customers AS c
WHERE NOT COALESCE(STARTSWITH(c.email, 'a'), FALSE)
