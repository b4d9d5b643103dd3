SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.age >= 30
  AND (
    SELECT COUNT(*) > 3
       AND COUNT(CASE WHEN e.category = 'Electronics'
            THEN 1 END) >= 2
    FROM fx.events.purchases AS e
    WHERE e.customer_id = c.customer_id
      AND e.purchased_at >= DATEADD(year, -1, TO_TIMESTAMP_NTZ('2026-03-30 12:00:00'))
      AND e.purchased_at <= TO_TIMESTAMP_NTZ('2026-03-30 12:00:00')
)
