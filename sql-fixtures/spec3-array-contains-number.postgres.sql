SELECT c.customer_id
FROM public.customers AS c
WHERE (13 = ANY(c.lucky_numbers))
