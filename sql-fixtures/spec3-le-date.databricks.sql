SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.signup_date <= CAST(TIMESTAMP '2026-01-01 00:00:00' AS DATE)
