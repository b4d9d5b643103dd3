SELECT c.customer_id
FROM fx.public.customers AS c
WHERE EXISTS (SELECT 1 FROM fx.events.store_visits AS e WHERE e.customer_id = c.customer_id AND e.visited_at >= CONVERT_TIMEZONE('UTC', 'America/New_York', TO_TIMESTAMP_NTZ(NEXT_DAY(DATEADD(day, -7, TO_TIMESTAMP_NTZ('2026-03-30 12:00:00')), 'monday')))
                 AND e.visited_at <= CONVERT_TIMEZONE('UTC', 'America/New_York', TO_TIMESTAMP_NTZ('2026-03-30 12:00:00')))
