SELECT c.customer_id
FROM fx.public.customers AS c
WHERE (COALESCE(size(c.interests), 0) <= 0)
