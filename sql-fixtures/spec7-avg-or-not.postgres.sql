SELECT c.customer_id
FROM public.customers AS c
LEFT JOIN (
    SELECT
        e.customer_id,
        AVG(e.amount) AS m1
    FROM events.purchases AS e
    GROUP BY e.customer_id
) AS b1 ON b1.customer_id = c.customer_id
WHERE b1.m1 > 100
  OR NOT COALESCE(b1.m1 > 100, FALSE)
