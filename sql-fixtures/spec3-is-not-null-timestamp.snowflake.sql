SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.last_login_at IS NOT NULL
