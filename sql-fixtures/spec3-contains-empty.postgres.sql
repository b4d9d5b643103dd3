SELECT c.customer_id
FROM public.customers AS c
WHERE (strpos(c.email, '') > 0)
