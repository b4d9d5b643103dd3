SELECT c.customer_id
FROM public.customers AS c
LEFT JOIN (
    SELECT e.customer_id
    FROM events.purchases AS e
    GROUP BY e.customer_id
    HAVING NOT (COALESCE(SUM(e.amount), 0) = 0)
) AS b1 ON b1.customer_id = c.customer_id
WHERE b1.customer_id IS NULL
