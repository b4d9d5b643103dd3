SELECT c.customer_id
FROM fx.public.customers AS c
LEFT JOIN (
    SELECT
        e.customer_id,
        MIN(e.visited_at) AS m1
    FROM fx.events.store_visits AS e
    GROUP BY e.customer_id
) AS b1 ON b1.customer_id = c.customer_id
WHERE b1.m1 < CONVERT_TIMEZONE('UTC', 'America/New_York', TO_TIMESTAMP_NTZ('2026-03-01 00:00:00'))
