SELECT c.customer_id
FROM fx.public.customers AS c
LEFT JOIN (
    SELECT
        e.visitor_id,
        COUNT(DISTINCT e.url) AS m1
    FROM fx.web.page_views AS e
    WHERE e.`time` >= (unix_micros(timestampadd(DAY, -7, TIMESTAMP '2026-03-30 12:00:00')) / 1000000)
      AND e.`time` <= (unix_micros(TIMESTAMP '2026-03-30 12:00:00') / 1000000)
    GROUP BY e.visitor_id
) AS b1 ON b1.visitor_id = c.customer_id
WHERE COALESCE(b1.m1, 0) >= 5
