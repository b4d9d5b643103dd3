SELECT COUNT(*) AS profiles
FROM fx.public.customers AS c
WHERE c.customer_id IN (SELECT e.customer_id FROM fx.events.purchases AS e WHERE e.purchased_at >= CONVERT_TIMEZONE('America/New_York', 'UTC', DATE_TRUNC('day', CONVERT_TIMEZONE('UTC', 'America/New_York', TO_TIMESTAMP_NTZ('2026-03-30 12:00:00'))))
                 AND e.purchased_at < CONVERT_TIMEZONE('America/New_York', 'UTC', DATEADD(day, 1, DATE_TRUNC('day', CONVERT_TIMEZONE('UTC', 'America/New_York', TO_TIMESTAMP_NTZ('2026-03-30 12:00:00'))))))
