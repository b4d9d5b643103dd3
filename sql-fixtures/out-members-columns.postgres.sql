SELECT
    c.customer_id,
    c.loyalty_tier AS loyalty_tier,
    a1.ltv AS lifetime_value,
    c.home_city AS city
FROM public.customers AS c
LEFT JOIN analytics.customer_metrics AS a1 ON a1.customer_id = c.customer_id
WHERE a1.ltv > 5000
