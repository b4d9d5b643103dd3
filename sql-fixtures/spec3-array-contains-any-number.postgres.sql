SELECT c.customer_id
FROM public.customers AS c
WHERE ((3 = ANY(c.lucky_numbers)) OR (7 = ANY(c.lucky_numbers)))
