SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.customer_id IN (SELECT e.customer_id FROM fx.events.store_visits AS e WHERE e.visited_at >= CONVERT_TIMEZONE('UTC', 'America/New_York', DATEADD(day, -1, DATE_TRUNC('day', TO_TIMESTAMP_NTZ('2026-03-30 12:00:00'))))
                 AND e.visited_at < CONVERT_TIMEZONE('UTC', 'America/New_York', DATE_TRUNC('day', TO_TIMESTAMP_NTZ('2026-03-30 12:00:00'))))
