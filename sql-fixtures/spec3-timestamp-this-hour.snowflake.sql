SELECT c.customer_id
FROM fx.public.customers AS c
WHERE (c.last_login_at >= DATE_TRUNC('hour', TO_TIMESTAMP_NTZ('2026-03-30 12:00:00')) AND c.last_login_at <= TO_TIMESTAMP_NTZ('2026-03-30 12:00:00'))
