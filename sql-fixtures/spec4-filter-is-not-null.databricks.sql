SELECT c.customer_id
FROM fx.public.customers AS c
WHERE EXISTS (SELECT 1 FROM fx.events.purchases AS e WHERE e.customer_id = c.customer_id AND e.coupon IS NOT NULL)
