SELECT c.customer_id
FROM public.customers AS c
WHERE ((1 = ANY(c.lucky_numbers)) AND (2 = ANY(c.lucky_numbers)) AND (3 = ANY(c.lucky_numbers)))
