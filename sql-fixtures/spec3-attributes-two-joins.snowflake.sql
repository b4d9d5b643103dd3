SELECT c.customer_id
FROM fx.public.customers AS c
LEFT JOIN fx.ml.category_affinity AS a1 ON a1.cust_id = c.customer_id
LEFT JOIN fx.analytics.customer_metrics AS a2 ON a2.customer_id = c.customer_id
WHERE ARRAY_CONTAINS('Shoes'::VARIANT, a1.top_categories)
  AND a2.ltv > 1000
