SELECT c.customer_id
FROM public.customers AS c
WHERE (strpos(c.home_city, '\') > 0)
