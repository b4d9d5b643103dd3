SELECT c.customer_id
FROM fx.public.customers AS c
WHERE EXISTS (SELECT 1 FROM fx.crm.email_opens AS e WHERE e.customer_id = c.customer_id AND e.opened_on > CAST(timestampadd(MICROSECOND, -1, TIMESTAMP '2026-03-29 12:00:00') AS DATE))
