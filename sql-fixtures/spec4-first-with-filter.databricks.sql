SELECT c.customer_id
FROM fx.public.customers AS c
LEFT JOIN (
    SELECT
        e.customer_id,
        MIN(CASE WHEN e.category = 'Shoes'
            THEN e.purchased_at END) AS m1
    FROM fx.events.purchases AS e
    WHERE e.category = 'Shoes'
    GROUP BY e.customer_id
) AS b1 ON b1.customer_id = c.customer_id
WHERE (b1.m1 >= timestampadd(DAY, -30, TIMESTAMP '2026-03-30 12:00:00') AND b1.m1 <= TIMESTAMP '2026-03-30 12:00:00')
