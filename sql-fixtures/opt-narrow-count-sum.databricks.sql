SELECT c.customer_id
FROM fx.public.customers AS c
JOIN (SELECT DISTINCT e.customer_id FROM fx.events.purchases AS e WHERE e.category = 'Electronics'
                 AND e.purchased_at >= timestampadd(DAY, -60, TIMESTAMP '2026-03-30 12:00:00')
                 AND e.purchased_at <= TIMESTAMP '2026-03-30 12:00:00') AS b2 ON b2.customer_id = c.customer_id
WHERE (
    SELECT COUNT(CASE WHEN e.category = 'Electronics'
                 AND e.purchased_at >= timestampadd(DAY, -60, TIMESTAMP '2026-03-30 12:00:00')
            THEN 1 END) >= 2
       AND COALESCE(SUM(e.amount), 0) >= 400
    FROM fx.events.purchases AS e
    WHERE e.customer_id = b2.customer_id
      AND e.purchased_at >= timestampadd(YEAR, -1, TIMESTAMP '2026-03-30 12:00:00')
      AND e.purchased_at <= TIMESTAMP '2026-03-30 12:00:00'
)
