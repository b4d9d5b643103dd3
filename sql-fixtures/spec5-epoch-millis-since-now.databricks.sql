SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.customer_id IN (SELECT e.customer_id FROM fx.mobile.app_sessions AS e WHERE e.started_ms >= (unix_micros(TIMESTAMP '2026-03-30 12:00:00') / 1000))
