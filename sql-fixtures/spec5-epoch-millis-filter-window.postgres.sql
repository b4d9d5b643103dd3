SELECT c.customer_id
FROM public.customers AS c
WHERE c.customer_id IN (SELECT e.customer_id FROM mobile.app_sessions AS e WHERE e.platform = 'ios'
                 AND e.started_ms >= (EXTRACT(EPOCH FROM (TIMESTAMP '2026-03-30 12:00:00' + INTERVAL '-1 hour')) * 1000)
                 AND e.started_ms <= (EXTRACT(EPOCH FROM TIMESTAMP '2026-03-30 12:00:00') * 1000))
