SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.last_login_at > timestampadd(DAY, -7, TIMESTAMP '2026-03-30 12:00:00')
