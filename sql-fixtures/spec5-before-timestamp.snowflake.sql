SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.customer_id IN (SELECT e.customer_id FROM fx.events.purchases AS e WHERE e.category = 'Jewelry'
                 AND e.purchased_at < TO_TIMESTAMP_NTZ('2025-12-31 23:59:59'))
