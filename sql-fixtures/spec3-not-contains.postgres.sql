SELECT c.customer_id
FROM public.customers AS c
WHERE NOT COALESCE((strpos(c.email, '@example.com') > 0), FALSE)
