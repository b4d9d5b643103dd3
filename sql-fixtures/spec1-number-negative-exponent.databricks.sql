SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.balance > -2.5E-3
  AND c.balance < 0.5
