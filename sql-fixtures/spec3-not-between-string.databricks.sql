SELECT c.customer_id
FROM fx.public.customers AS c
WHERE NOT COALESCE(c.first_name BETWEEN 'A' AND 'F', FALSE)
