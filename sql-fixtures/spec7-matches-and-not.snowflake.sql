SELECT c.customer_id
FROM fx.public.customers AS c
WHERE (REGEXP_INSTR(c.email, 'example') > 0)
  AND NOT COALESCE((REGEXP_INSTR(c.email, 'example') > 0), FALSE)
