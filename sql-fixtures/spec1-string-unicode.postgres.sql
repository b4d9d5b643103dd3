SELECT c.customer_id
FROM public.customers AS c
WHERE c.home_city IN ('Zürich', '東京')
