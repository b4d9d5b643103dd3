SELECT c.customer_id
FROM fx.public.customers AS c
WHERE NOT COALESCE((REGEXP_INSTR(c.email, '[0-9]') > 0), FALSE)
