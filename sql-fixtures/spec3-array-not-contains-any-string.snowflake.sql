SELECT c.customer_id
FROM fx.public.customers AS c
WHERE NOT COALESCE((ARRAY_CONTAINS('golf'::VARIANT, c.interests) OR ARRAY_CONTAINS('tennis'::VARIANT, c.interests)), FALSE)
