SELECT c.customer_id
FROM fx.public.customers AS c
WHERE (c.last_login_at >= timestampadd(HOUR, -1, date_trunc('HOUR', TIMESTAMP '2026-03-30 12:00:00')) AND c.last_login_at < date_trunc('HOUR', TIMESTAMP '2026-03-30 12:00:00'))
