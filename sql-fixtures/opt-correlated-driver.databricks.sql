SELECT c.customer_id
FROM fx.public.customers AS c
JOIN (SELECT DISTINCT e.customer_id FROM fx.crm.email_opens AS e WHERE e.opened_on > CAST(timestampadd(MICROSECOND, -1, timestampadd(DAY, -30, TIMESTAMP '2026-03-30 12:00:00')) AS DATE)
                 AND e.opened_on <= CAST(TIMESTAMP '2026-03-30 12:00:00' AS DATE)) AS b1 ON b1.customer_id = c.customer_id
WHERE (
    SELECT COUNT(*) >= 3
       AND NOT (COALESCE(SUM(e.amount), 0) > 1000)
    FROM fx.events.purchases AS e
    WHERE e.customer_id = b1.customer_id
      AND e.purchased_at >= timestampadd(DAY, -90, TIMESTAMP '2026-03-30 12:00:00')
      AND e.purchased_at <= TIMESTAMP '2026-03-30 12:00:00'
)
