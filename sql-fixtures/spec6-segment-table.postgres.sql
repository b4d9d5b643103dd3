SELECT c.customer_id
FROM public.customers AS c
WHERE EXISTS (SELECT 1 FROM public.suppression_list AS s WHERE s.id = c.customer_id)
