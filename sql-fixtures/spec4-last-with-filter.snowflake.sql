SELECT c.customer_id
FROM fx.public.customers AS c
LEFT JOIN (
    SELECT
        e.customer_id,
        MAX(CASE WHEN e.category = 'Electronics'
            THEN e.purchased_at END) AS m1
    FROM fx.events.purchases AS e
    WHERE e.category = 'Electronics'
    GROUP BY e.customer_id
) AS b1 ON b1.customer_id = c.customer_id
WHERE b1.m1 < TO_TIMESTAMP_NTZ('2026-03-02 00:00:00')
