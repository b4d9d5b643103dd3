SELECT c.customer_id
FROM public.customers AS c
WHERE NOT COALESCE(starts_with(c.email, 'a'), FALSE)
