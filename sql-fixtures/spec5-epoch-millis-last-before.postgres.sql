SELECT c.customer_id
FROM public.customers AS c
LEFT JOIN (
    SELECT
        e.customer_id,
        MAX(e.started_ms) AS m1
    FROM mobile.app_sessions AS e
    GROUP BY e.customer_id
) AS b1 ON b1.customer_id = c.customer_id
WHERE b1.m1 < (EXTRACT(EPOCH FROM (TIMESTAMP '2026-03-30 12:00:00' + INTERVAL '-3 hour')) * 1000)
