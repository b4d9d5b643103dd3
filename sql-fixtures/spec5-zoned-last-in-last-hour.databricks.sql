SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.customer_id IN (SELECT e.customer_id FROM fx.events.store_visits AS e WHERE e.visited_at >= from_utc_timestamp(timestampadd(HOUR, -1, TIMESTAMP '2026-03-30 12:00:00'), 'America/New_York')
                 AND e.visited_at <= from_utc_timestamp(TIMESTAMP '2026-03-30 12:00:00', 'America/New_York'))
  AND NOT EXISTS (SELECT 1 FROM fx.events.store_visits AS e WHERE e.customer_id = c.customer_id AND e.visited_at > from_utc_timestamp(TIMESTAMP '2026-03-30 12:00:00', 'America/New_York'))
