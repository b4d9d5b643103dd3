SELECT c.customer_id
FROM public.customers AS c
LEFT JOIN analytics.customer_metrics AS a1 ON a1.customer_id = c.customer_id
WHERE NOT COALESCE(a1.ltv BETWEEN 0 AND 1000, FALSE)
