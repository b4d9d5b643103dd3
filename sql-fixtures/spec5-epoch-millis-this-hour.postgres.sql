SELECT c.customer_id
FROM public.customers AS c
WHERE EXISTS (SELECT 1 FROM mobile.app_sessions AS e WHERE e.customer_id = c.customer_id AND e.started_ms >= (EXTRACT(EPOCH FROM date_trunc('hour', TIMESTAMP '2026-03-30 12:00:00')) * 1000)
                 AND e.started_ms <= (EXTRACT(EPOCH FROM TIMESTAMP '2026-03-30 12:00:00') * 1000))
