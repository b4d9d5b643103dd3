SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.customer_id IN (SELECT e.visitor_id FROM fx.web.page_views AS e WHERE e.url IS NULL
                 AND e.`time` >= (unix_micros(timestampadd(MINUTE, -10, TIMESTAMP '2026-03-30 12:00:00')) / 1000000)
                 AND e.`time` <= (unix_micros(TIMESTAMP '2026-03-30 12:00:00') / 1000000))
