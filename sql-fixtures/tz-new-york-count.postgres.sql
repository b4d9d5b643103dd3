SELECT COUNT(*) AS profiles
FROM public.customers AS c
LEFT JOIN (
    SELECT
        e.customer_id,
        COUNT(*) AS m1
    FROM events.purchases AS e
    WHERE e.purchased_at >= ((date_trunc('day', ((TIMESTAMP '2026-03-30 12:00:00' AT TIME ZONE 'UTC') AT TIME ZONE 'America/New_York')) AT TIME ZONE 'America/New_York') AT TIME ZONE 'UTC')
      AND e.purchased_at < (((date_trunc('day', ((TIMESTAMP '2026-03-30 12:00:00' AT TIME ZONE 'UTC') AT TIME ZONE 'America/New_York')) + INTERVAL '1 day') AT TIME ZONE 'America/New_York') AT TIME ZONE 'UTC')
    GROUP BY e.customer_id
) AS b1 ON b1.customer_id = c.customer_id
WHERE COALESCE(b1.m1, 0) > 0
