SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.customer_id IN (SELECT e.visitor_id FROM fx.web.page_views AS e WHERE e.`time` >= (unix_micros(date_trunc('WEEK', TIMESTAMP '2026-03-30 12:00:00')) / 1000000)
                 AND e.`time` <= (unix_micros(TIMESTAMP '2026-03-30 12:00:00') / 1000000))
  AND NOT EXISTS (SELECT 1 FROM fx.web.page_views AS e WHERE e.visitor_id = c.customer_id AND e.`time` < (unix_micros(date_trunc('WEEK', TIMESTAMP '2026-03-30 12:00:00')) / 1000000))
