SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.customer_id IN (
    SELECT e.customer_id
    FROM fx.crm.email_opens AS e
    GROUP BY e.customer_id
    HAVING COUNT(DISTINCT e.campaign) >= 2
)
