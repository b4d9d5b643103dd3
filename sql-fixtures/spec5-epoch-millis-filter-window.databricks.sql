SELECT c.customer_id
FROM fx.public.customers AS c
WHERE EXISTS (SELECT 1 FROM fx.mobile.app_sessions AS e WHERE e.customer_id = c.customer_id AND e.platform = 'ios'
                 AND e.started_ms >= (unix_micros(timestampadd(HOUR, -1, TIMESTAMP '2026-03-30 12:00:00')) / 1000)
                 AND e.started_ms <= (unix_micros(TIMESTAMP '2026-03-30 12:00:00') / 1000))
