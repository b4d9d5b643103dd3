SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.customer_id IN (SELECT e.customer_id FROM fx.events.purchases AS e WHERE e.purchased_at > DATE_TRUNC('day', TO_TIMESTAMP_NTZ('2026-03-30 12:00:00')))
