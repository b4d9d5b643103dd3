SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.last_login_at < TO_TIMESTAMP_NTZ('2026-03-01 00:00:00')
