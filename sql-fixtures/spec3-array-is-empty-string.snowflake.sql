SELECT c.customer_id
FROM fx.public.customers AS c
WHERE (COALESCE(ARRAY_SIZE(c.interests), 0) = 0)
