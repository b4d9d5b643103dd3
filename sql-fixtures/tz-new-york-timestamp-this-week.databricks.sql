SELECT c.customer_id
FROM fx.public.customers AS c
WHERE (c.last_login_at >= to_utc_timestamp(date_trunc('WEEK', from_utc_timestamp(TIMESTAMP '2026-03-30 12:00:00', 'America/New_York')), 'America/New_York') AND c.last_login_at <= TIMESTAMP '2026-03-30 12:00:00')
