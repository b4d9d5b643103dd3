SELECT c.customer_id
FROM fx.public.customers AS c
WHERE EXISTS (SELECT 1 FROM fx.crm.email_opens AS e WHERE e.customer_id = c.customer_id AND e.opened_on > CAST(timestampadd(MICROSECOND, -1, from_utc_timestamp(TIMESTAMP '2026-03-30 02:00:00', 'America/New_York')) AS DATE))
