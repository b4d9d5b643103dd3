SELECT c.customer_id
FROM public.customers AS c
WHERE c.customer_id IN (
    SELECT e.customer_id
    FROM events.purchases AS e
    WHERE e.purchased_at >= LEAST((TIMESTAMP '2026-03-30 12:00:00' + INTERVAL '-7 day'), (date_trunc('month', TIMESTAMP '2026-03-30 12:00:00') + INTERVAL '-1 month'))
      AND e.purchased_at <= GREATEST(TIMESTAMP '2026-03-30 12:00:00', date_trunc('month', TIMESTAMP '2026-03-30 12:00:00'))
      AND ((e.purchased_at >= (TIMESTAMP '2026-03-30 12:00:00' + INTERVAL '-7 day')
                 AND e.purchased_at <= TIMESTAMP '2026-03-30 12:00:00')
       OR (e.purchased_at >= (date_trunc('month', TIMESTAMP '2026-03-30 12:00:00') + INTERVAL '-1 month')
                 AND e.purchased_at < date_trunc('month', TIMESTAMP '2026-03-30 12:00:00')))
    GROUP BY e.customer_id
    HAVING COUNT(CASE WHEN e.purchased_at >= (TIMESTAMP '2026-03-30 12:00:00' + INTERVAL '-7 day')
                 AND e.purchased_at <= TIMESTAMP '2026-03-30 12:00:00'
            THEN 1 END) > 0
       AND NOT (COUNT(CASE WHEN e.purchased_at >= (date_trunc('month', TIMESTAMP '2026-03-30 12:00:00') + INTERVAL '-1 month')
                 AND e.purchased_at < date_trunc('month', TIMESTAMP '2026-03-30 12:00:00')
            THEN 1 END) > 0)
)
