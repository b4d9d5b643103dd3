SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.customer_id IN (SELECT e.customer_id FROM fx.events.store_visits AS e WHERE e.visited_at >= from_utc_timestamp(to_utc_timestamp(date_trunc('DAY', from_utc_timestamp(TIMESTAMP '2026-03-30 12:00:00', 'America/New_York')), 'America/New_York'), 'America/New_York')
                 AND e.visited_at < from_utc_timestamp(to_utc_timestamp(timestampadd(DAY, 1, date_trunc('DAY', from_utc_timestamp(TIMESTAMP '2026-03-30 12:00:00', 'America/New_York'))), 'America/New_York'), 'America/New_York'))
