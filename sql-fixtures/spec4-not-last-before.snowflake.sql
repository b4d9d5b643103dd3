SELECT c.customer_id
FROM fx.public.customers AS c
LEFT JOIN (
    SELECT e.customer_id
    FROM fx.events.purchases AS e
    GROUP BY e.customer_id
    HAVING MAX(e.purchased_at) < DATEADD(day, -90, TO_TIMESTAMP_NTZ('2026-03-30 12:00:00'))
) AS b1 ON b1.customer_id = c.customer_id
WHERE b1.customer_id IS NULL
