SELECT c.customer_id
FROM public.customers AS c
WHERE starts_with(c.email, 'eve+')
