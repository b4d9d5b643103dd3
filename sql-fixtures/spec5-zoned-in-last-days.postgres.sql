SELECT c.customer_id
FROM public.customers AS c
LEFT JOIN (
    SELECT
        e.customer_id,
        COUNT(*) AS m1
    FROM events.store_visits AS e
    WHERE e.visited_at >= (((TIMESTAMP '2026-03-30 12:00:00' + INTERVAL '-30 day') AT TIME ZONE 'UTC') AT TIME ZONE 'America/New_York')
      AND e.visited_at <= ((TIMESTAMP '2026-03-30 12:00:00' AT TIME ZONE 'UTC') AT TIME ZONE 'America/New_York')
    GROUP BY e.customer_id
) AS b1 ON b1.customer_id = c.customer_id
WHERE COALESCE(b1.m1, 0) > 0
