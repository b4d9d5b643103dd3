SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.home_city IN ('Zürich', '東京')
