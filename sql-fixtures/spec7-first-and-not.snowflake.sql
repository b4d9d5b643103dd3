SELECT c.customer_id
FROM fx.public.customers AS c
JOIN (SELECT DISTINCT e.customer_id FROM fx.events.purchases AS e WHERE e.purchased_at >= DATEADD(day, -30, TO_TIMESTAMP_NTZ('2026-03-30 12:00:00'))
                 AND e.purchased_at <= TO_TIMESTAMP_NTZ('2026-03-30 12:00:00')) AS b1 ON b1.customer_id = c.customer_id
WHERE (
    SELECT NOT COALESCE((MIN(e.purchased_at) >= DATEADD(day, -30, TO_TIMESTAMP_NTZ('2026-03-30 12:00:00')) AND MIN(e.purchased_at) <= TO_TIMESTAMP_NTZ('2026-03-30 12:00:00')), FALSE)
    FROM fx.events.purchases AS e
    WHERE e.customer_id = b1.customer_id
)
  AND NOT EXISTS (SELECT 1 FROM fx.events.purchases AS e WHERE e.customer_id = c.customer_id AND e.purchased_at < DATEADD(day, -30, TO_TIMESTAMP_NTZ('2026-03-30 12:00:00')))
