SELECT c.customer_id
FROM fx.public.customers AS c
LEFT JOIN fx.analytics.customer_metrics AS a1 ON a1.customer_id = c.customer_id
WHERE NOT COALESCE(a1.ltv > 5000, FALSE)
  OR c.customer_id IN (SELECT e.customer_id FROM fx.events.purchases AS e WHERE e.purchased_at >= DATEADD(day, -180, TO_TIMESTAMP_NTZ('2026-03-30 12:00:00'))
                 AND e.purchased_at <= TO_TIMESTAMP_NTZ('2026-03-30 12:00:00'))
