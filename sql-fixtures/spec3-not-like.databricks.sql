SELECT c.customer_id
FROM fx.public.customers AS c
WHERE NOT COALESCE((c.`group` LIKE 'p%t_rn'), FALSE)
