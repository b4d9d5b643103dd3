SELECT c.customer_id
FROM public.customers AS c
WHERE NOT (COALESCE(cardinality(c.interests), 0) = 0)
