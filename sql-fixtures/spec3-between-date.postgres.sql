SELECT c.customer_id
FROM public.customers AS c
WHERE (c.signup_date >= CAST(TIMESTAMP '2026-03-01 00:00:00' AS DATE) AND c.signup_date < CAST(TIMESTAMP '2026-03-31 00:00:00' AS DATE))
