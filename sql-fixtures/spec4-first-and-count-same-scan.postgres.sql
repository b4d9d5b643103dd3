SELECT c.customer_id
FROM public.customers AS c
LEFT JOIN (
    SELECT
        e.customer_id,
        MIN(e.purchased_at) AS m1,
        COUNT(CASE WHEN e.purchased_at >= (TIMESTAMP '2026-03-30 12:00:00' + INTERVAL '-90 day')
                 AND e.purchased_at <= TIMESTAMP '2026-03-30 12:00:00'
            THEN 1 END) AS m2
    FROM events.purchases AS e
    GROUP BY e.customer_id
) AS b1 ON b1.customer_id = c.customer_id
WHERE (b1.m1 >= (TIMESTAMP '2026-03-30 12:00:00' + INTERVAL '-30 day') AND b1.m1 <= TIMESTAMP '2026-03-30 12:00:00')
  AND COALESCE(b1.m2, 0) >= 3
