SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.last_login_at > TIMESTAMP '2026-03-30 11:59:59'
