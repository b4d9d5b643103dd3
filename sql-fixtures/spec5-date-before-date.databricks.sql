SELECT c.customer_id
FROM fx.public.customers AS c
WHERE EXISTS (SELECT 1 FROM fx.crm.email_opens AS e WHERE e.customer_id = c.customer_id AND e.opened_on < CAST(TIMESTAMP '2026-03-01 00:00:00' AS DATE))
