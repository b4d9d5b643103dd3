SELECT c.customer_id
FROM public.customers AS c
LEFT JOIN (
    SELECT
        e.visitor_id,
        COUNT(*) AS m1
    FROM web.page_views AS e
    WHERE e.time >= EXTRACT(EPOCH FROM date_trunc('week', TIMESTAMP '2026-03-30 12:00:00'))
      AND e.time <= EXTRACT(EPOCH FROM TIMESTAMP '2026-03-30 12:00:00')
    GROUP BY e.visitor_id
) AS b1 ON b1.visitor_id = c.customer_id
WHERE COALESCE(b1.m1, 0) = 0
