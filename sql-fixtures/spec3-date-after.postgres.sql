SELECT c.customer_id
FROM public.customers AS c
WHERE c.signup_date >= CAST(TIMESTAMP '2026-03-02 00:00:00' AS DATE)
