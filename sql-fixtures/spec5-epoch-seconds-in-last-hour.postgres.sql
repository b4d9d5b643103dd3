SELECT c.customer_id
FROM public.customers AS c
WHERE c.customer_id IN (SELECT e.visitor_id FROM web.page_views AS e WHERE e.time >= EXTRACT(EPOCH FROM (TIMESTAMP '2026-03-30 12:00:00' + INTERVAL '-1 hour'))
                 AND e.time <= EXTRACT(EPOCH FROM TIMESTAMP '2026-03-30 12:00:00'))
