SELECT c.customer_id
FROM public.customers AS c
WHERE c.customer_id IN (SELECT e.customer_id FROM events.store_visits AS e WHERE e.visited_at >= (((((TIMESTAMP '2026-03-08 12:00:00' AT TIME ZONE 'UTC') AT TIME ZONE 'America/New_York') + INTERVAL '-1 day') AT TIME ZONE 'America/New_York') AT TIME ZONE 'America/New_York')
                 AND e.visited_at <= ((TIMESTAMP '2026-03-08 12:00:00' AT TIME ZONE 'UTC') AT TIME ZONE 'America/New_York'))
