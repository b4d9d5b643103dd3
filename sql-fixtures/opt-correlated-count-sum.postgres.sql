SELECT c.customer_id
FROM public.customers AS c
WHERE c.age >= 30
  AND (
    SELECT COUNT(CASE WHEN e.purchased_at >= (TIMESTAMP '2026-03-30 12:00:00' + INTERVAL '-90 day')
            THEN 1 END) >= 2
       AND COALESCE(SUM(e.amount), 0) > 100
    FROM events.purchases AS e
    WHERE e.customer_id = c.customer_id
      AND e.purchased_at >= (TIMESTAMP '2026-03-30 12:00:00' + INTERVAL '-1 year')
      AND e.purchased_at <= TIMESTAMP '2026-03-30 12:00:00'
)
