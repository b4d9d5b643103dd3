SELECT c.customer_id
FROM public.customers AS c
WHERE c.last_login_at < TIMESTAMP '2026-03-01 00:00:00'
