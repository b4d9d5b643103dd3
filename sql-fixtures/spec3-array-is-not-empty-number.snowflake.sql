SELECT c.customer_id
FROM fx.public.customers AS c
WHERE NOT (COALESCE(ARRAY_SIZE(c.lucky_numbers), 0) = 0)
