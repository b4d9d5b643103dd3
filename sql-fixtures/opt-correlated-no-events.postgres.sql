SELECT c.customer_id
FROM public.customers AS c
WHERE (c.last_login_at >= (TIMESTAMP '2026-03-30 12:00:00' + INTERVAL '-30 day') AND c.last_login_at <= TIMESTAMP '2026-03-30 12:00:00')
  AND (
    SELECT NOT (COUNT(CASE WHEN e.purchased_at >= (TIMESTAMP '2026-03-30 12:00:00' + INTERVAL '-7 day')
                 AND e.purchased_at <= TIMESTAMP '2026-03-30 12:00:00'
            THEN 1 END) > 0)
       AND NOT (COALESCE(SUM(e.amount), 0) > 100)
    FROM events.purchases AS e
    WHERE e.customer_id = c.customer_id
)
