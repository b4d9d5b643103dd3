SELECT c.customer_id
FROM public.customers AS c
WHERE c.first_name <= 'Dan'
