SELECT c.customer_id
FROM public.customers AS c
WHERE c.email_opt_in = TRUE
