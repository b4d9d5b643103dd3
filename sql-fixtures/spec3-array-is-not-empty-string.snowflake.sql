SELECT c.customer_id
FROM fx.public.customers AS c
WHERE NOT (COALESCE(ARRAY_SIZE(c.interests), 0) = 0)
