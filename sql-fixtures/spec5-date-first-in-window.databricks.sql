SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.customer_id IN (SELECT e.customer_id FROM fx.crm.email_opens AS e WHERE e.opened_on > CAST(timestampadd(MICROSECOND, -1, timestampadd(DAY, -30, TIMESTAMP '2026-03-30 12:00:00')) AS DATE)
                 AND e.opened_on <= CAST(TIMESTAMP '2026-03-30 12:00:00' AS DATE))
  AND NOT EXISTS (SELECT 1 FROM fx.crm.email_opens AS e WHERE e.customer_id = c.customer_id AND e.opened_on <= CAST(timestampadd(MICROSECOND, -1, timestampadd(DAY, -30, TIMESTAMP '2026-03-30 12:00:00')) AS DATE))
