SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.`group` = 'A'
  OR c.`group` = 'B'
