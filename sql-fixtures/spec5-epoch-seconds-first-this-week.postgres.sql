SELECT c.customer_id
FROM public.customers AS c
WHERE c.customer_id IN (
    SELECT e.visitor_id
    FROM web.page_views AS e
    GROUP BY e.visitor_id
    HAVING (MIN(e.time) >= EXTRACT(EPOCH FROM date_trunc('week', TIMESTAMP '2026-03-30 12:00:00')) AND MIN(e.time) <= EXTRACT(EPOCH FROM TIMESTAMP '2026-03-30 12:00:00'))
)
