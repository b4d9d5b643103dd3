SELECT c.customer_id
FROM fx.public.customers AS c
LEFT JOIN (
    SELECT
        e.customer_id,
        COUNT(*) AS m1
    FROM fx.events.store_visits AS e
    WHERE e.visited_at >= from_utc_timestamp(timestampadd(DAY, -1, TIMESTAMP '2026-03-08 12:00:00'), 'America/New_York')
      AND e.visited_at <= from_utc_timestamp(TIMESTAMP '2026-03-08 12:00:00', 'America/New_York')
    GROUP BY e.customer_id
) AS b1 ON b1.customer_id = c.customer_id
WHERE COALESCE(b1.m1, 0) > 0
