SELECT c.customer_id
FROM public.customers AS c
WHERE c.customer_id IN (SELECT e.customer_id FROM events.purchases AS e WHERE (e.category ~ 'o'))
