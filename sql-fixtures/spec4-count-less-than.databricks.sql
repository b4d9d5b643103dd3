SELECT c.customer_id
FROM fx.public.customers AS c
LEFT JOIN (
    SELECT e.customer_id
    FROM fx.events.purchases AS e
    WHERE e.purchased_at >= timestampadd(DAY, -30, TIMESTAMP '2026-03-30 12:00:00')
      AND e.purchased_at <= TIMESTAMP '2026-03-30 12:00:00'
    GROUP BY e.customer_id
    HAVING NOT (COUNT(*) < 2)
) AS b1 ON b1.customer_id = c.customer_id
WHERE b1.customer_id IS NULL
