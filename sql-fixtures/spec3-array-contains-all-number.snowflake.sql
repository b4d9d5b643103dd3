SELECT c.customer_id
FROM fx.public.customers AS c
WHERE (ARRAY_CONTAINS(1::VARIANT, c.lucky_numbers) AND ARRAY_CONTAINS(2::VARIANT, c.lucky_numbers) AND ARRAY_CONTAINS(3::VARIANT, c.lucky_numbers))
