SELECT c.customer_id
FROM fx.public.customers AS c
WHERE (array_contains(c.interests, 'golf') AND array_contains(c.interests, 'tennis'))
