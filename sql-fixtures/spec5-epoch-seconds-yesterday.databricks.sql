SELECT c.customer_id
FROM fx.public.customers AS c
WHERE EXISTS (SELECT 1 FROM fx.web.page_views AS e WHERE e.visitor_id = c.customer_id AND e.`time` >= (unix_micros(timestampadd(DAY, -1, date_trunc('DAY', TIMESTAMP '2026-03-30 12:00:00'))) / 1000000)
                 AND e.`time` < (unix_micros(date_trunc('DAY', TIMESTAMP '2026-03-30 12:00:00')) / 1000000))
