SELECT c.customer_id
FROM public.customers AS c
WHERE c.customer_id IN (SELECT e.customer_id FROM crm.email_opens AS e WHERE e.opened_on < CAST(TIMESTAMP '2026-03-01 00:00:00' AS DATE))
