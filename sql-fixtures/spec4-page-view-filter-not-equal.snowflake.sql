SELECT c.customer_id
FROM fx.public.customers AS c
LEFT JOIN (
    SELECT
        e.visitor_id,
        COUNT(CASE WHEN e.device IS DISTINCT FROM 'mobile'
            THEN 1 END) AS m1
    FROM fx.web.page_views AS e
    GROUP BY e.visitor_id
) AS b1 ON b1.visitor_id = c.customer_id
WHERE COALESCE(b1.m1, 0) > 0
