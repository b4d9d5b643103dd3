SELECT c.customer_id
FROM public.customers AS c
WHERE NOT COALESCE(c.age IN (34), FALSE)
