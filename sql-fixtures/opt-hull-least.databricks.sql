SELECT c.customer_id
FROM fx.public.customers AS c
LEFT JOIN (
    SELECT e.customer_id
    FROM fx.events.purchases AS e
    WHERE e.purchased_at >= LEAST(timestampadd(DAY, -90, TIMESTAMP '2026-03-30 12:00:00'), date_trunc('MONTH', TIMESTAMP '2026-03-30 12:00:00'))
      AND e.purchased_at <= TIMESTAMP '2026-03-30 12:00:00'
      AND ((e.purchased_at >= timestampadd(DAY, -90, TIMESTAMP '2026-03-30 12:00:00'))
       OR (e.purchased_at >= date_trunc('MONTH', TIMESTAMP '2026-03-30 12:00:00')))
    GROUP BY e.customer_id
    HAVING COUNT(CASE WHEN e.purchased_at >= timestampadd(DAY, -90, TIMESTAMP '2026-03-30 12:00:00')
            THEN 1 END) >= 2
       AND COALESCE(SUM(CASE WHEN e.purchased_at >= date_trunc('MONTH', TIMESTAMP '2026-03-30 12:00:00')
            THEN e.amount END), 0) > 10
) AS b1 ON b1.customer_id = c.customer_id
WHERE b1.customer_id IS NOT NULL
  OR c.age > 60
