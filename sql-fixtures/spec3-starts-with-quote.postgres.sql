SELECT c.customer_id
FROM public.customers AS c
WHERE starts_with(c.first_name, 'O''')
