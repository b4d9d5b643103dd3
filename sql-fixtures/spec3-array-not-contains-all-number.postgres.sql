SELECT c.customer_id
FROM public.customers AS c
WHERE NOT COALESCE(((3 = ANY(c.lucky_numbers)) AND (7 = ANY(c.lucky_numbers))), FALSE)
