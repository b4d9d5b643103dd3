SELECT c.customer_id
FROM public.customers AS c
WHERE (c.signup_date >= CAST(TIMESTAMP '2024-02-29 00:00:00' AS DATE) AND c.signup_date <= CAST(TIMESTAMP '2024-02-29 00:00:00' AS DATE))
