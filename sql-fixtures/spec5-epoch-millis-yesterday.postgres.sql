SELECT c.customer_id
FROM public.customers AS c
LEFT JOIN (
    SELECT
        e.customer_id,
        COUNT(*) AS m1
    FROM mobile.app_sessions AS e
    WHERE e.started_ms >= (EXTRACT(EPOCH FROM (date_trunc('day', TIMESTAMP '2026-03-30 12:00:00') + INTERVAL '-1 day')) * 1000)
      AND e.started_ms < (EXTRACT(EPOCH FROM date_trunc('day', TIMESTAMP '2026-03-30 12:00:00')) * 1000)
    GROUP BY e.customer_id
) AS b1 ON b1.customer_id = c.customer_id
WHERE COALESCE(b1.m1, 0) > 0
