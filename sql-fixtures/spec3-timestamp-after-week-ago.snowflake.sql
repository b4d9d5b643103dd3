SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.last_login_at > DATEADD(day, -7, TO_TIMESTAMP_NTZ('2026-03-30 12:00:00'))
