SELECT c.customer_id
FROM public.customers AS c
LEFT JOIN ml.category_affinity AS a1 ON a1.cust_id = c.customer_id
WHERE (COALESCE(cardinality(a1.top_categories), 0) = 0)
