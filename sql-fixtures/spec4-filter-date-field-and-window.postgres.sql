SELECT c.customer_id
FROM public.customers AS c
WHERE c.customer_id IN (SELECT e.customer_id FROM events.purchases AS e WHERE e.delivered_on > CAST(TIMESTAMP '2026-03-01 00:00:00' AS DATE)
                 AND e.purchased_at >= (TIMESTAMP '2026-03-30 12:00:00' + INTERVAL '-30 day')
                 AND e.purchased_at <= TIMESTAMP '2026-03-30 12:00:00')
