SELECT c.customer_id
FROM fx.public.customers AS c
LEFT JOIN fx.ml.category_affinity AS a1 ON a1.cust_id = c.customer_id
WHERE ARRAY_CONTAINS('Shoes'::VARIANT, a1.top_categories)
