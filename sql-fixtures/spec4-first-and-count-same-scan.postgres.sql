SELECT c.customer_id
FROM public.customers AS c
JOIN (SELECT DISTINCT e.customer_id FROM events.purchases AS e WHERE e.purchased_at >= (TIMESTAMP '2026-03-30 12:00:00' + INTERVAL '-30 day')
                 AND e.purchased_at <= TIMESTAMP '2026-03-30 12:00:00') AS b1 ON b1.customer_id = c.customer_id
WHERE (
    SELECT COUNT(*) >= 3
    FROM events.purchases AS e
    WHERE e.customer_id = b1.customer_id
      AND e.purchased_at >= (TIMESTAMP '2026-03-30 12:00:00' + INTERVAL '-90 day')
      AND e.purchased_at <= TIMESTAMP '2026-03-30 12:00:00'
)
  AND NOT EXISTS (SELECT 1 FROM events.purchases AS e WHERE e.customer_id = c.customer_id AND e.purchased_at < (TIMESTAMP '2026-03-30 12:00:00' + INTERVAL '-30 day'))
