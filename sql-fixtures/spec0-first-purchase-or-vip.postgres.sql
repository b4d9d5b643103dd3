SELECT c.customer_id
FROM public.customers AS c
LEFT JOIN analytics.customer_metrics AS a1 ON a1.customer_id = c.customer_id
LEFT JOIN (
    SELECT e.customer_id
    FROM events.purchases AS e
    GROUP BY e.customer_id
    HAVING (MIN(e.purchased_at) >= (TIMESTAMP '2026-03-30 12:00:00' + INTERVAL '-30 day') AND MIN(e.purchased_at) <= TIMESTAMP '2026-03-30 12:00:00')
) AS b1 ON b1.customer_id = c.customer_id
WHERE b1.customer_id IS NOT NULL
  OR a1.ltv > 5000
