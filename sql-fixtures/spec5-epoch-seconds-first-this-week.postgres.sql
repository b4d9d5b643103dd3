SELECT c.customer_id
FROM public.customers AS c
WHERE c.customer_id IN (SELECT e.visitor_id FROM web.page_views AS e WHERE e.time >= EXTRACT(EPOCH FROM date_trunc('week', TIMESTAMP '2026-03-30 12:00:00'))
                 AND e.time <= EXTRACT(EPOCH FROM TIMESTAMP '2026-03-30 12:00:00'))
  AND NOT EXISTS (SELECT 1 FROM web.page_views AS e WHERE e.visitor_id = c.customer_id AND e.time < EXTRACT(EPOCH FROM date_trunc('week', TIMESTAMP '2026-03-30 12:00:00')))
