SELECT c.customer_id
FROM fx.public.customers AS c
WHERE NOT COALESCE(c.age IN (34), FALSE)
