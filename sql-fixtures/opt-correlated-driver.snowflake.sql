SELECT c.customer_id
FROM fx.public.customers AS c
JOIN (SELECT DISTINCT e.customer_id FROM fx.crm.email_opens AS e WHERE e.opened_on > CAST(DATEADD(microsecond, -1, DATEADD(day, -30, TO_TIMESTAMP_NTZ('2026-03-30 12:00:00'))) AS DATE)
                 AND e.opened_on <= CAST(TO_TIMESTAMP_NTZ('2026-03-30 12:00:00') AS DATE)) AS b1 ON b1.customer_id = c.customer_id
WHERE (
    SELECT COUNT(*) >= 3
       AND NOT (COALESCE(SUM(e.amount), 0) > 1000)
    FROM fx.events.purchases AS e
    WHERE e.customer_id = b1.customer_id
      AND e.purchased_at >= DATEADD(day, -90, TO_TIMESTAMP_NTZ('2026-03-30 12:00:00'))
      AND e.purchased_at <= TO_TIMESTAMP_NTZ('2026-03-30 12:00:00')
)
