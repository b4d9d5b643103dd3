SELECT c.customer_id
FROM public.customers AS c
WHERE c.age >= 30
  AND EXISTS (
    SELECT 1
    FROM events.purchases AS e
    WHERE e.customer_id = c.customer_id
      AND e.purchased_at >= (TIMESTAMP '2026-03-30 12:00:00' + INTERVAL '-90 day')
      AND e.purchased_at <= TIMESTAMP '2026-03-30 12:00:00'
    OFFSET 1
)
  AND (
    SELECT COALESCE(SUM(e.amount), 0) > 100
    FROM events.purchases AS e
    WHERE e.customer_id = c.customer_id
      AND e.purchased_at >= (TIMESTAMP '2026-03-30 12:00:00' + INTERVAL '-1 year')
      AND e.purchased_at <= TIMESTAMP '2026-03-30 12:00:00'
)
