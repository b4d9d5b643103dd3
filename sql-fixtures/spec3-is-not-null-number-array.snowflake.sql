SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.lucky_numbers IS NOT NULL
