SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.customer_id IN (SELECT e.customer_id FROM fx.events.purchases AS e WHERE (REGEXP_INSTR(e.category, 'o') > 0))
