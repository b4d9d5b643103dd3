SELECT c.customer_id
FROM fx.public.customers AS c
WHERE ARRAY_CONTAINS('golf'::VARIANT, c.interests)
  OR NOT COALESCE(ARRAY_CONTAINS('golf'::VARIANT, c.interests), FALSE)
