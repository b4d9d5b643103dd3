SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.customer_id IN (SELECT e.customer_id FROM fx.crm.email_opens AS e WHERE e.opened_on > CAST(timestampadd(MICROSECOND, -1, from_utc_timestamp(TIMESTAMP '2026-03-30 02:00:00', 'America/New_York')) AS DATE))
