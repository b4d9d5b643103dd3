SELECT c.customer_id
FROM public.customers AS c
WHERE c."age range" = '25-34'
