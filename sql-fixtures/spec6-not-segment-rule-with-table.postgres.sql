SELECT c.customer_id
FROM public.customers AS c
WHERE c.email_opt_in IS DISTINCT FROM TRUE
  OR EXISTS (SELECT 1 FROM public.suppression_list AS s WHERE s.id = c.customer_id)
