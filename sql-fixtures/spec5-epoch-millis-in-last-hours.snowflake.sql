SELECT c.customer_id
FROM fx.public.customers AS c
LEFT JOIN (
    SELECT
        e.customer_id,
        COUNT(*) AS m1
    FROM fx.mobile.app_sessions AS e
    WHERE e.started_ms >= (DATE_PART(epoch_microsecond, DATEADD(hour, -3, TO_TIMESTAMP_NTZ('2026-03-30 12:00:00'))) / 1000)
      AND e.started_ms <= (DATE_PART(epoch_microsecond, TO_TIMESTAMP_NTZ('2026-03-30 12:00:00')) / 1000)
    GROUP BY e.customer_id
) AS b1 ON b1.customer_id = c.customer_id
WHERE COALESCE(b1.m1, 0) > 0
