SELECT c.customer_id
FROM public.customers AS c
WHERE NOT COALESCE(c.age > 30, FALSE)
