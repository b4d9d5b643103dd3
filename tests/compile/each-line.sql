SELECT COUNT(*) AS profiles
FROM public.customers AS c
WHERE c.loyalty_tier = 'Gold'
;
SELECT COUNT(*) AS profiles
FROM public.customers AS c
LEFT JOIN (
    SELECT
        e.customer_id,
        COUNT(*) AS m1
    FROM public.purchases AS e
    WHERE e.purchased_at >= (((TIMESTAMP '2026-03-30 12:00:00' + INTERVAL '-7 day') AT TIME ZONE 'UTC') AT TIME ZONE 'America/New_York')
      AND e.purchased_at <= ((TIMESTAMP '2026-03-30 12:00:00' AT TIME ZONE 'UTC') AT TIME ZONE 'America/New_York')
    GROUP BY e.customer_id
) AS b1 ON b1.customer_id = c.customer_id
WHERE COALESCE(b1.m1, 0) > 2
;
SELECT COUNT(*) AS profiles
FROM public.customers AS c
WHERE c.email_opt_in = TRUE
;
