SELECT c.customer_id
FROM public.customers AS c
WHERE c.last_login_at IS NOT NULL
