SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.age > 30
  AND NOT COALESCE(c.age > 30, FALSE)
