SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.customer_id IN (SELECT e.customer_id FROM fx.mobile.app_sessions AS e WHERE e.platform = 'ios'
                 AND e.started_ms >= (DATE_PART(epoch_microsecond, DATEADD(hour, -1, TO_TIMESTAMP_NTZ('2026-03-30 12:00:00'))) / 1000)
                 AND e.started_ms <= (DATE_PART(epoch_microsecond, TO_TIMESTAMP_NTZ('2026-03-30 12:00:00')) / 1000))
