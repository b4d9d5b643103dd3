SELECT COUNT(*) AS profiles
FROM fx.public.customers AS c
