SELECT c.customer_id
FROM fx.public.customers AS c
WHERE (c."group" LIKE 'p%t_rn')
