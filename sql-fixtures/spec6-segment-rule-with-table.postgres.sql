SELECT c.customer_id
FROM public.customers AS c
WHERE c.email_opt_in = TRUE
  AND NOT EXISTS (SELECT 1 FROM public.suppression_list AS s WHERE s.id = c.customer_id)
