SELECT c.customer_id
FROM public.customers AS c
WHERE (c.signup_date >= CAST(date_trunc('year', TIMESTAMP '2026-03-30 12:00:00') AS DATE) AND c.signup_date <= CAST(TIMESTAMP '2026-03-30 12:00:00' AS DATE))
