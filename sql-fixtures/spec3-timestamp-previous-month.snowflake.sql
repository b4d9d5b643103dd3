SELECT c.customer_id
FROM fx.public.customers AS c
WHERE (c.last_login_at >= DATEADD(month, -1, DATE_TRUNC('month', TO_TIMESTAMP_NTZ('2026-03-30 12:00:00'))) AND c.last_login_at < DATE_TRUNC('month', TO_TIMESTAMP_NTZ('2026-03-30 12:00:00')))
