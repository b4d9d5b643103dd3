SELECT c.customer_id
FROM fx.public.customers AS c
LEFT JOIN (
    SELECT e.customer_id
    FROM fx.events.purchases AS e
    WHERE e.purchased_at >= LEAST(timestampadd(MONTH, -3, date_trunc('QUARTER', TIMESTAMP '2026-03-30 12:00:00')), date_trunc('MONTH', TIMESTAMP '2026-03-30 12:00:00'))
      AND e.purchased_at <= GREATEST(date_trunc('QUARTER', TIMESTAMP '2026-03-30 12:00:00'), TIMESTAMP '2026-03-30 12:00:00')
      AND ((e.purchased_at >= timestampadd(MONTH, -3, date_trunc('QUARTER', TIMESTAMP '2026-03-30 12:00:00'))
                 AND e.purchased_at < date_trunc('QUARTER', TIMESTAMP '2026-03-30 12:00:00'))
       OR (e.purchased_at >= date_trunc('MONTH', TIMESTAMP '2026-03-30 12:00:00')
                 AND e.purchased_at <= TIMESTAMP '2026-03-30 12:00:00'))
    GROUP BY e.customer_id
    HAVING COALESCE(SUM(CASE WHEN e.purchased_at >= timestampadd(MONTH, -3, date_trunc('QUARTER', TIMESTAMP '2026-03-30 12:00:00'))
                 AND e.purchased_at < date_trunc('QUARTER', TIMESTAMP '2026-03-30 12:00:00')
            THEN e.amount END), 0) BETWEEN 1 AND 10
       AND COUNT(CASE WHEN e.purchased_at >= date_trunc('MONTH', TIMESTAMP '2026-03-30 12:00:00')
                 AND e.purchased_at <= TIMESTAMP '2026-03-30 12:00:00'
            THEN 1 END) > 0
) AS b1 ON b1.customer_id = c.customer_id
WHERE b1.customer_id IS NOT NULL
  OR c.age > 60
