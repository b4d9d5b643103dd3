SELECT c.customer_id
FROM fx.public.customers AS c
WHERE NOT COALESCE((array_contains(c.interests, 'golf') AND array_contains(c.interests, 'tennis')), FALSE)
