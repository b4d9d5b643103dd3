SELECT c.customer_id
FROM public.customers AS c
WHERE c.balance = 42
  OR c.balance = -3
  OR c.balance = 19.99
  OR c.balance = 1e6
  OR c.balance = -2.5E-3
