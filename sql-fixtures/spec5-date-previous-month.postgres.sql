SELECT c.customer_id
FROM public.customers AS c
WHERE c.customer_id IN (SELECT e.customer_id FROM crm.email_opens AS e WHERE e.opened_on >= CAST((date_trunc('month', TIMESTAMP '2026-03-30 12:00:00') + INTERVAL '-1 month') AS DATE)
                 AND e.opened_on < CAST(date_trunc('month', TIMESTAMP '2026-03-30 12:00:00') AS DATE))
