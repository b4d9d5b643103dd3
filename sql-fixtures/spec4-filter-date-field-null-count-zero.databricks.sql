SELECT c.customer_id
FROM fx.public.customers AS c
WHERE NOT EXISTS (SELECT 1 FROM fx.events.purchases AS e WHERE e.customer_id = c.customer_id AND e.delivered_on IS NULL)
