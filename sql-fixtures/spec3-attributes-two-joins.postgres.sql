SELECT c.customer_id
FROM public.customers AS c
LEFT JOIN ml.category_affinity AS a1 ON a1.cust_id = c.customer_id
LEFT JOIN analytics.customer_metrics AS a2 ON a2.customer_id = c.customer_id
WHERE ('Shoes' = ANY(a1.top_categories))
  AND a2.ltv > 1000
