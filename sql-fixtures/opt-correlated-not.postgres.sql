SELECT c.customer_id
FROM public.customers AS c
WHERE (
    SELECT NOT (COUNT(*) >= 2)
    FROM events.purchases AS e
    WHERE e.customer_id = c.customer_id
      AND e.purchased_at >= (TIMESTAMP '2026-03-30 12:00:00' + INTERVAL '-30 day')
      AND e.purchased_at <= TIMESTAMP '2026-03-30 12:00:00'
)
  AND c.age >= 30
