SELECT c.customer_id
FROM fx.public.customers AS c
WHERE EXISTS (SELECT 1 FROM fx.events.store_visits AS e WHERE e.customer_id = c.customer_id AND e.visited_at >= from_utc_timestamp(date_trunc('DAY', TIMESTAMP '2026-03-30 12:00:00'), 'America/New_York')
                 AND e.visited_at < from_utc_timestamp(timestampadd(DAY, 1, date_trunc('DAY', TIMESTAMP '2026-03-30 12:00:00')), 'America/New_York'))
