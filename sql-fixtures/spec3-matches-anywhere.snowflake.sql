SELECT c.customer_id
FROM fx.public.customers AS c
WHERE (REGEXP_INSTR(c.email, 'example\\.(org|net)') > 0)
