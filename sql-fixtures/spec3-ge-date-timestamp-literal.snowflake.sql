SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.signup_date > CAST(DATEADD(microsecond, -1, TO_TIMESTAMP_NTZ('2026-03-29 12:00:00')) AS DATE)
