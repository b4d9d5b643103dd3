SELECT c.customer_id
FROM fx.public.customers AS c
WHERE NOT (COALESCE(size(c.interests), 0) <= 0)
