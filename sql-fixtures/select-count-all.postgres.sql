SELECT COUNT(*) AS profiles
FROM public.customers AS c
