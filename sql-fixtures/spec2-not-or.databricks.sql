SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.loyalty_tier IS DISTINCT FROM 'Gold'
  AND c.email_opt_in IS DISTINCT FROM TRUE
