SELECT c.customer_id
FROM fx.public.customers AS c
WHERE NOT COALESCE((ARRAY_CONTAINS(3::VARIANT, c.lucky_numbers) AND ARRAY_CONTAINS(7::VARIANT, c.lucky_numbers)), FALSE)
