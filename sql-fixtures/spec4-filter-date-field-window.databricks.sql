SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.customer_id IN (SELECT e.customer_id FROM fx.events.purchases AS e WHERE (e.delivered_on > CAST(timestampadd(MICROSECOND, -1, timestampadd(DAY, -7, TIMESTAMP '2026-03-30 12:00:00')) AS DATE) AND e.delivered_on <= CAST(TIMESTAMP '2026-03-30 12:00:00' AS DATE)))
