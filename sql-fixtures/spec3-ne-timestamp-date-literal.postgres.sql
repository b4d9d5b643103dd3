SELECT c.customer_id
FROM public.customers AS c
WHERE NOT COALESCE((c.last_login_at >= TIMESTAMP '2026-01-01 00:00:00' AND c.last_login_at <= TIMESTAMP '2026-01-01 00:00:00'), FALSE)
