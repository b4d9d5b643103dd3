SELECT COUNT(*) AS profiles
FROM public.customers AS c
WHERE c.loyalty_tier = 'Gold'
