SELECT
    c.loyalty_tier AS value,
    COUNT(*) AS profiles
FROM public.customers AS c
WHERE c.customer_id IN (SELECT e.customer_id FROM events.purchases AS e WHERE e.purchased_at >= (TIMESTAMP '2026-03-30 12:00:00' + INTERVAL '-90 day')
                 AND e.purchased_at <= TIMESTAMP '2026-03-30 12:00:00')
GROUP BY c.loyalty_tier
ORDER BY COUNT(*) DESC, c.loyalty_tier NULLS LAST
