SELECT c.customer_id
FROM fx.public.customers AS c
WHERE ARRAY_CONTAINS(13::VARIANT, c.lucky_numbers)
