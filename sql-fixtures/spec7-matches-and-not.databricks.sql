SELECT c.customer_id
FROM fx.public.customers AS c
WHERE (c.email RLIKE 'example')
  AND NOT COALESCE((c.email RLIKE 'example'), FALSE)
