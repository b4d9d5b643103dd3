SELECT c.customer_id
FROM fx.public.customers AS c
WHERE NOT COALESCE(ENDSWITH(c.email, '.com'), FALSE)
