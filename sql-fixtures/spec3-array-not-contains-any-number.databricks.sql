SELECT c.customer_id
FROM fx.public.customers AS c
WHERE NOT COALESCE((array_contains(c.lucky_numbers, 3) OR array_contains(c.lucky_numbers, 7)), FALSE)
