SELECT c.customer_id
FROM public.customers AS c
WHERE c.renewal_date IS NOT NULL
