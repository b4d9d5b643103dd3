SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.customer_id IN (SELECT e.customer_id FROM fx.events.purchases AS e WHERE e.delivered_on > CAST(TO_TIMESTAMP_NTZ('2026-03-01 00:00:00') AS DATE)
                 AND e.purchased_at >= DATEADD(day, -30, TO_TIMESTAMP_NTZ('2026-03-30 12:00:00'))
                 AND e.purchased_at <= TO_TIMESTAMP_NTZ('2026-03-30 12:00:00'))
