SELECT c.customer_id
FROM public.customers AS c
WHERE NOT COALESCE((('golf' = ANY(c.interests)) OR ('tennis' = ANY(c.interests))), FALSE)
