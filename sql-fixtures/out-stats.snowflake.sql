SELECT
    COUNT(*) AS profiles,
    COUNT(a1.ltv) AS value_count,
    COALESCE(SUM(a1.ltv), 0) AS value_sum,
    AVG(a1.ltv) AS value_avg,
    MIN(a1.ltv) AS value_min,
    MAX(a1.ltv) AS value_max
FROM fx.public.customers AS c
LEFT JOIN fx.analytics.customer_metrics AS a1 ON a1.customer_id = c.customer_id
WHERE c.loyalty_tier = 'Gold'
