SELECT c.customer_id
FROM fx.public.customers AS c
WHERE NOT COALESCE(endswith(c.email, '.com'), FALSE)
