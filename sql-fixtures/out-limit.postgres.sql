SELECT
    c.customer_id,
    a1.ltv AS lifetime_value
FROM public.customers AS c
LEFT JOIN analytics.customer_metrics AS a1 ON a1.customer_id = c.customer_id
ORDER BY a1.ltv DESC NULLS LAST, c.customer_id
LIMIT 3
