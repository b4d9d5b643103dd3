SELECT c.customer_id
FROM public.customers AS c
WHERE c.age > 30
  AND c.loyalty_tier IS DISTINCT FROM 'Gold'
