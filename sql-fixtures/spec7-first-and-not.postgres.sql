SELECT c.customer_id
FROM public.customers AS c
LEFT JOIN (
    SELECT
        e.customer_id,
        MIN(e.purchased_at) AS m1,
        MIN(e.purchased_at) AS m2
    FROM events.purchases AS e
    GROUP BY e.customer_id
) AS b1 ON b1.customer_id = c.customer_id
WHERE (b1.m1 >= (TIMESTAMP '2026-03-30 12:00:00' + INTERVAL '-30 day') AND b1.m1 <= TIMESTAMP '2026-03-30 12:00:00')
  AND NOT COALESCE((b1.m2 >= (TIMESTAMP '2026-03-30 12:00:00' + INTERVAL '-30 day') AND b1.m2 <= TIMESTAMP '2026-03-30 12:00:00'), FALSE)
