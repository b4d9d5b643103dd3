SELECT c.customer_id
FROM public.customers AS c
WHERE c.signup_date > CAST((TIMESTAMP '2026-03-29 12:00:00' + INTERVAL '-1 microsecond') AS DATE)
