SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.customer_id IN (SELECT e.customer_id FROM fx.events.purchases AS e WHERE e.purchased_at >= DATEADD(day, 7, TO_TIMESTAMP_NTZ(NEXT_DAY(DATEADD(day, -7, TO_TIMESTAMP_NTZ('2026-03-30 12:00:00')), 'monday')))
                 AND e.purchased_at < DATEADD(day, 14, TO_TIMESTAMP_NTZ(NEXT_DAY(DATEADD(day, -7, TO_TIMESTAMP_NTZ('2026-03-30 12:00:00')), 'monday'))))
