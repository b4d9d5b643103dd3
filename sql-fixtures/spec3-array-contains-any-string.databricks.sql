SELECT c.customer_id
FROM fx.public.customers AS c
WHERE (array_contains(c.interests, 'golf') OR array_contains(c.interests, 'tennis'))
