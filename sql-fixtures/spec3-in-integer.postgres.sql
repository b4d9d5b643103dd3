SELECT c.customer_id
FROM public.customers AS c
WHERE c.age IN (17, 18, 34)
