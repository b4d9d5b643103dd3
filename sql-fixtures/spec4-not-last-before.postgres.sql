SELECT c.customer_id
FROM public.customers AS c
LEFT JOIN (
    SELECT e.customer_id
    FROM events.purchases AS e
    GROUP BY e.customer_id
    HAVING MAX(e.purchased_at) < (TIMESTAMP '2026-03-30 12:00:00' + INTERVAL '-90 day')
) AS b1 ON b1.customer_id = c.customer_id
WHERE b1.customer_id IS NULL
