SELECT c.customer_id
FROM fx.public.customers AS c
WHERE NOT COALESCE(c.age > 30, FALSE)
