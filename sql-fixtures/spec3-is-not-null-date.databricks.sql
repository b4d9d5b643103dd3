SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.renewal_date IS NOT NULL
