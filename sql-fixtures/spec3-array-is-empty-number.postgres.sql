SELECT c.customer_id
FROM public.customers AS c
WHERE (COALESCE(cardinality(c.lucky_numbers), 0) = 0)
