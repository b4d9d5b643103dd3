SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.customer_id IN (SELECT e.customer_id FROM fx.crm.email_opens AS e WHERE e.opened_on >= CAST(TIMESTAMP '2024-02-29 00:00:00' AS DATE)
                 AND e.opened_on < CAST(TIMESTAMP '2024-03-01 00:00:00' AS DATE))
