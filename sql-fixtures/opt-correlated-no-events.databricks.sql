SELECT c.customer_id
FROM fx.public.customers AS c
WHERE (c.last_login_at >= timestampadd(DAY, -30, TIMESTAMP '2026-03-30 12:00:00') AND c.last_login_at <= TIMESTAMP '2026-03-30 12:00:00')
  AND (
    SELECT NOT (COUNT(CASE WHEN e.purchased_at >= timestampadd(DAY, -7, TIMESTAMP '2026-03-30 12:00:00')
                 AND e.purchased_at <= TIMESTAMP '2026-03-30 12:00:00'
            THEN 1 END) > 0)
       AND NOT (COALESCE(SUM(e.amount), 0) > 100)
    FROM fx.events.purchases AS e
    WHERE e.customer_id = c.customer_id
)
