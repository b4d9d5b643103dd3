SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.home_city = 'C:\\Temp'
