SELECT c.customer_id
FROM public.customers AS c
WHERE c.loyalty_tier IN ('Gold', 'Platinum')
