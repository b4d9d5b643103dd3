SELECT c.customer_id
FROM fx.public.customers AS c
WHERE EXISTS (SELECT 1 FROM fx.public.suppression_list AS s WHERE s.id = c.customer_id)
