SELECT c.customer_id
FROM fx.public.customers AS c
WHERE (
      c.loyalty_tier = 'Gold'
      OR c.age < 20
  )
  AND c.email_opt_in IS DISTINCT FROM TRUE
  AND c.home_city IS DISTINCT FROM 'Paris'
