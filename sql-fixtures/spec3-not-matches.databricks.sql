SELECT c.customer_id
FROM fx.public.customers AS c
WHERE NOT COALESCE((c.email RLIKE '[0-9]'), FALSE)
