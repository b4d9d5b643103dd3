SELECT COUNT(*) AS profiles
FROM public.customers AS c
WHERE c.loyalty_tier = 'Gold'
;
SELECT COUNT(*) AS profiles
FROM public.customers AS c
WHERE c.customer_id IN (
    SELECT e.customer_id
    FROM public.purchases AS e
    WHERE e.purchased_at >= (((TIMESTAMP '2026-03-30 12:00:00' + INTERVAL '-7 day') AT TIME ZONE 'UTC') AT TIME ZONE 'America/New_York')
      AND e.purchased_at <= ((TIMESTAMP '2026-03-30 12:00:00' AT TIME ZONE 'UTC') AT TIME ZONE 'America/New_York')
    GROUP BY e.customer_id
    HAVING COUNT(*) > 2
)
;
SELECT COUNT(*) AS profiles
FROM public.customers AS c
WHERE c.email_opt_in = TRUE
;
