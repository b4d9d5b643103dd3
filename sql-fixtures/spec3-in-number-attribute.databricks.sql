SELECT c.customer_id
FROM fx.public.customers AS c
LEFT JOIN fx.analytics.customer_metrics AS a1 ON a1.customer_id = c.customer_id
WHERE a1.ltv IN (0, 300)
