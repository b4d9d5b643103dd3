SELECT
    b.bucket,
    CASE b.bucket WHEN 1 THEN 0 WHEN 2 THEN 1000 WHEN 3 THEN 5000 END AS lower_bound,
    CASE b.bucket WHEN 0 THEN 0 WHEN 1 THEN 1000 WHEN 2 THEN 5000 END AS upper_bound,
    COUNT(*) AS profiles
FROM (
SELECT
    CASE
        WHEN a1.ltv < 0 THEN 0
        WHEN a1.ltv < 1000 THEN 1
        WHEN a1.ltv < 5000 THEN 2
        WHEN a1.ltv >= 5000 THEN 3
    END AS bucket
FROM fx.public.customers AS c
LEFT JOIN fx.analytics.customer_metrics AS a1 ON a1.customer_id = c.customer_id
) AS b
GROUP BY b.bucket
ORDER BY b.bucket NULLS LAST
