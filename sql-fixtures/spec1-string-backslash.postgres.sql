SELECT c.customer_id
FROM public.customers AS c
WHERE c.home_city = 'C:\Temp'
