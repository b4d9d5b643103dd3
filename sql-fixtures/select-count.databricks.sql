SELECT COUNT(*) AS profiles
FROM fx.public.customers AS c
WHERE c.loyalty_tier = 'Gold'
