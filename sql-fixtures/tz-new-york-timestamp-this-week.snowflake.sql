SELECT c.customer_id
FROM fx.public.customers AS c
WHERE (c.last_login_at >= CONVERT_TIMEZONE('America/New_York', 'UTC', TO_TIMESTAMP_NTZ(NEXT_DAY(DATEADD(day, -7, CONVERT_TIMEZONE('UTC', 'America/New_York', TO_TIMESTAMP_NTZ('2026-03-30 12:00:00'))), 'monday'))) AND c.last_login_at <= TO_TIMESTAMP_NTZ('2026-03-30 12:00:00'))
