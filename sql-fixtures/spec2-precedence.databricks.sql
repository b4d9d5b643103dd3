SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.loyalty_tier = 'Silver'
  OR (
      c.loyalty_tier = 'Gold'
      AND c.age < 30
  )
