SELECT c.customer_id
FROM fx.public.customers AS c
WHERE NOT EXISTS (SELECT 1 FROM fx.public.suppression_list AS s WHERE s.id = c.customer_id)
