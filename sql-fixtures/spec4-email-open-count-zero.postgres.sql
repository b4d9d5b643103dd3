SELECT c.customer_id
FROM public.customers AS c
WHERE NOT EXISTS (SELECT 1 FROM crm.email_opens AS e WHERE e.customer_id = c.customer_id AND e.opened_on >= CAST(date_trunc('month', TIMESTAMP '2026-03-30 12:00:00') AS DATE)
                 AND e.opened_on <= CAST(TIMESTAMP '2026-03-30 12:00:00' AS DATE))
