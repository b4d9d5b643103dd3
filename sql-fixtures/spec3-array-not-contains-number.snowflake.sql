SELECT c.customer_id
FROM fx.public.customers AS c
WHERE NOT COALESCE(ARRAY_CONTAINS(2.5::VARIANT, c.lucky_numbers), FALSE)
