SELECT c.customer_id
FROM public.customers AS c
WHERE c.customer_id IN (SELECT e.customer_id FROM events.store_visits AS e WHERE e.visited_at >= (((TIMESTAMP '2026-03-30 12:00:00' + INTERVAL '-1 hour') AT TIME ZONE 'UTC') AT TIME ZONE 'America/New_York')
                 AND e.visited_at <= ((TIMESTAMP '2026-03-30 12:00:00' AT TIME ZONE 'UTC') AT TIME ZONE 'America/New_York'))
  AND NOT EXISTS (SELECT 1 FROM events.store_visits AS e WHERE e.customer_id = c.customer_id AND e.visited_at > ((TIMESTAMP '2026-03-30 12:00:00' AT TIME ZONE 'UTC') AT TIME ZONE 'America/New_York'))
