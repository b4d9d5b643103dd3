SELECT c.customer_id
FROM fx.public.customers AS c
WHERE (c.last_login_at >= timestampadd(DAY, -30, TIMESTAMP '2026-03-30 12:00:00') AND c.last_login_at <= TIMESTAMP '2026-03-30 12:00:00')
  OR NOT COALESCE((c.last_login_at >= timestampadd(DAY, -30, TIMESTAMP '2026-03-30 12:00:00') AND c.last_login_at <= TIMESTAMP '2026-03-30 12:00:00'), FALSE)
