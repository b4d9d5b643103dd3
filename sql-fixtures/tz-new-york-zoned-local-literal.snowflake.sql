SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.customer_id IN (SELECT e.customer_id FROM fx.events.store_visits AS e WHERE e.visited_at < CONVERT_TIMEZONE('America/New_York', 'America/New_York', TO_TIMESTAMP_NTZ('2026-03-08 03:00:00')))
