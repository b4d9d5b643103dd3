SELECT c.customer_id
FROM public.customers AS c
WHERE NOT COALESCE((2.5 = ANY(c.lucky_numbers)), FALSE)
