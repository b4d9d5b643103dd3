SELECT c.customer_id
FROM public.customers AS c
LEFT JOIN (
    SELECT
        e.visitor_id,
        MIN(e.time) AS m1
    FROM web.page_views AS e
    GROUP BY e.visitor_id
) AS b1 ON b1.visitor_id = c.customer_id
WHERE (b1.m1 >= EXTRACT(EPOCH FROM date_trunc('week', TIMESTAMP '2026-03-30 12:00:00')) AND b1.m1 <= EXTRACT(EPOCH FROM TIMESTAMP '2026-03-30 12:00:00'))
