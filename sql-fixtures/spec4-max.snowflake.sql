SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.customer_id IN (
    SELECT e.customer_id
    FROM fx.events.purchases AS e
    GROUP BY e.customer_id
    HAVING MAX(e.amount) >= 1000
)
