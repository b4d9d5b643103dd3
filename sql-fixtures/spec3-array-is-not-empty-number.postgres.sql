SELECT c.customer_id
FROM public.customers AS c
WHERE NOT (COALESCE(cardinality(c.lucky_numbers), 0) = 0)
