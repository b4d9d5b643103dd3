SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.email_opt_in IS NOT NULL
