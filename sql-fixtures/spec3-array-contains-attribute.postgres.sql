SELECT c.customer_id
FROM public.customers AS c
LEFT JOIN ml.category_affinity AS a1 ON a1.cust_id = c.customer_id
WHERE ('Shoes' = ANY(a1.top_categories))
