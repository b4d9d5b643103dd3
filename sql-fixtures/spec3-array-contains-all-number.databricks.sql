SELECT c.customer_id
FROM fx.public.customers AS c
WHERE (array_contains(c.lucky_numbers, 1) AND array_contains(c.lucky_numbers, 2) AND array_contains(c.lucky_numbers, 3))
