SELECT c.customer_id
FROM public.customers AS c
WHERE c.customer_id IN (SELECT e.customer_id FROM events.purchases AS e WHERE e.purchased_at >= TIMESTAMP '2026-01-01 00:00:00'
                 AND e.purchased_at <= TIMESTAMP '2026-03-30 12:00:00')
  AND NOT EXISTS (SELECT 1 FROM events.purchases AS e WHERE e.customer_id = c.customer_id AND e.purchased_at < TIMESTAMP '2026-01-01 00:00:00')
