SELECT c.customer_id
FROM fx.public.customers AS c
WHERE NOT EXISTS (SELECT 1 FROM fx.crm.email_opens AS e WHERE e.customer_id = c.customer_id AND e.opened_on >= CAST(DATE_TRUNC('month', TO_TIMESTAMP_NTZ('2026-03-30 12:00:00')) AS DATE)
                 AND e.opened_on <= CAST(TO_TIMESTAMP_NTZ('2026-03-30 12:00:00') AS DATE))
