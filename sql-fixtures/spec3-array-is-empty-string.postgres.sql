SELECT c.customer_id
FROM public.customers AS c
WHERE (COALESCE(cardinality(c.interests), 0) = 0)
