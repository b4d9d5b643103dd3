SELECT c.customer_id
FROM fx.public.customers AS c
LEFT JOIN (
    SELECT
        e.visitor_id,
        MAX(e.`time`) AS m1
    FROM fx.web.page_views AS e
    GROUP BY e.visitor_id
) AS b1 ON b1.visitor_id = c.customer_id
WHERE b1.m1 < (unix_micros(TIMESTAMP '2026-03-30 12:00:00') / 1000000)
