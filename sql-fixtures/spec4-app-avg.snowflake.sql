SELECT c.customer_id
FROM fx.public.customers AS c
LEFT JOIN (
    SELECT
        e.customer_id,
        AVG(e.duration_seconds) AS m1
    FROM fx.mobile.app_sessions AS e
    GROUP BY e.customer_id
) AS b1 ON b1.customer_id = c.customer_id
WHERE b1.m1 > 20
