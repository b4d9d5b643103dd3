SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.customer_id IN (SELECT e.customer_id FROM fx.events.store_visits AS e WHERE e.visited_at >= CONVERT_TIMEZONE('UTC', 'America/New_York', DATEADD(hour, -1, TO_TIMESTAMP_NTZ('2026-03-30 12:00:00')))
                 AND e.visited_at <= CONVERT_TIMEZONE('UTC', 'America/New_York', TO_TIMESTAMP_NTZ('2026-03-30 12:00:00')))
  AND NOT EXISTS (SELECT 1 FROM fx.events.store_visits AS e WHERE e.customer_id = c.customer_id AND e.visited_at > CONVERT_TIMEZONE('UTC', 'America/New_York', TO_TIMESTAMP_NTZ('2026-03-30 12:00:00')))
