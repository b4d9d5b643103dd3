SELECT c.customer_id
FROM public.customers AS c
WHERE c.age > 30
  OR NOT COALESCE(c.age > 30, FALSE)
