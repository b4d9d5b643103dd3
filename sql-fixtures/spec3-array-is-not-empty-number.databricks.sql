SELECT c.customer_id
FROM fx.public.customers AS c
WHERE NOT (COALESCE(size(c.lucky_numbers), 0) <= 0)
