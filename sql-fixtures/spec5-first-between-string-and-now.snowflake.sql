SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.customer_id IN (SELECT e.customer_id FROM fx.events.purchases AS e WHERE e.purchased_at >= TO_TIMESTAMP_NTZ('2026-01-01 00:00:00')
                 AND e.purchased_at <= TO_TIMESTAMP_NTZ('2026-03-30 12:00:00'))
  AND NOT EXISTS (SELECT 1 FROM fx.events.purchases AS e WHERE e.customer_id = c.customer_id AND e.purchased_at < TO_TIMESTAMP_NTZ('2026-01-01 00:00:00'))
