SELECT c.customer_id
FROM fx.public.customers AS c
WHERE NOT COALESCE(c.loyalty_tier IN ('Gold', 'Platinum'), FALSE)
