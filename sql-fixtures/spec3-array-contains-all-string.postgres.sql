SELECT c.customer_id
FROM public.customers AS c
WHERE (('golf' = ANY(c.interests)) AND ('tennis' = ANY(c.interests)))
