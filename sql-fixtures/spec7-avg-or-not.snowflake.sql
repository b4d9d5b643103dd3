SELECT c.customer_id
FROM fx.public.customers AS c
LEFT JOIN (
    SELECT e.customer_id
    FROM fx.events.purchases AS e
    GROUP BY e.customer_id
    HAVING NOT COALESCE(AVG(e.amount) > 100, FALSE)
       AND AVG(e.amount) > 100
) AS b1 ON b1.customer_id = c.customer_id
WHERE b1.customer_id IS NULL
