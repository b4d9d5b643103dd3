SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.customer_id IN (
    SELECT e.customer_id
    FROM fx.events.purchases AS e
    WHERE e.purchased_at >= LEAST(timestampadd(DAY, -7, TIMESTAMP '2026-03-30 12:00:00'), timestampadd(MONTH, -1, date_trunc('MONTH', TIMESTAMP '2026-03-30 12:00:00')))
      AND e.purchased_at <= GREATEST(TIMESTAMP '2026-03-30 12:00:00', date_trunc('MONTH', TIMESTAMP '2026-03-30 12:00:00'))
      AND ((e.purchased_at >= timestampadd(DAY, -7, TIMESTAMP '2026-03-30 12:00:00')
                 AND e.purchased_at <= TIMESTAMP '2026-03-30 12:00:00')
       OR (e.purchased_at >= timestampadd(MONTH, -1, date_trunc('MONTH', TIMESTAMP '2026-03-30 12:00:00'))
                 AND e.purchased_at < date_trunc('MONTH', TIMESTAMP '2026-03-30 12:00:00')))
    GROUP BY e.customer_id
    HAVING COUNT(CASE WHEN e.purchased_at >= timestampadd(DAY, -7, TIMESTAMP '2026-03-30 12:00:00')
                 AND e.purchased_at <= TIMESTAMP '2026-03-30 12:00:00'
            THEN 1 END) > 0
       AND NOT (COUNT(CASE WHEN e.purchased_at >= timestampadd(MONTH, -1, date_trunc('MONTH', TIMESTAMP '2026-03-30 12:00:00'))
                 AND e.purchased_at < date_trunc('MONTH', TIMESTAMP '2026-03-30 12:00:00')
            THEN 1 END) > 0)
)
