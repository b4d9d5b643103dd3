SELECT c.customer_id
FROM fx.public.customers AS c
WHERE (ARRAY_CONTAINS(3::VARIANT, c.lucky_numbers) OR ARRAY_CONTAINS(7::VARIANT, c.lucky_numbers))
