SELECT c.customer_id
FROM fx.public.customers AS c
WHERE (c.signup_date >= CAST(TO_TIMESTAMP_NTZ('2024-02-29 00:00:00') AS DATE) AND c.signup_date <= CAST(TO_TIMESTAMP_NTZ('2024-02-29 00:00:00') AS DATE))
  OR (c.signup_date >= CAST(TO_TIMESTAMP_NTZ('2026-03-30 00:00:00') AS DATE) AND c.signup_date <= CAST(TO_TIMESTAMP_NTZ('2026-03-30 00:00:00') AS DATE))
