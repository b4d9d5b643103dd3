SELECT c.customer_id
FROM public.customers AS c
WHERE (c.last_login_at >= (date_trunc('day', TIMESTAMP '2026-03-30 12:00:00') + INTERVAL '-1 day') AND c.last_login_at < date_trunc('day', TIMESTAMP '2026-03-30 12:00:00'))
