SELECT c.customer_id
FROM public.customers AS c
LEFT JOIN (
    SELECT
        e.customer_id,
        MIN(e.visited_at) AS m1
    FROM events.store_visits AS e
    GROUP BY e.customer_id
) AS b1 ON b1.customer_id = c.customer_id
WHERE b1.m1 < ((TIMESTAMP '2026-03-01 00:00:00' AT TIME ZONE 'UTC') AT TIME ZONE 'America/New_York')
