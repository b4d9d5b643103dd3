SELECT c.customer_id
FROM public.customers AS c
LEFT JOIN analytics.customer_metrics AS a1 ON a1.customer_id = c.customer_id
WHERE NOT COALESCE(a1.ltv > 5000, FALSE)
  OR c.customer_id IN (SELECT e.customer_id FROM events.purchases AS e WHERE e.purchased_at >= (TIMESTAMP '2026-03-30 12:00:00' + INTERVAL '-180 day')
                 AND e.purchased_at <= TIMESTAMP '2026-03-30 12:00:00')
