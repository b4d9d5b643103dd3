SELECT c.customer_id
FROM fx.public.customers AS c
WHERE (c.renewal_date >= CAST(DATE_TRUNC('month', TO_TIMESTAMP_NTZ('2026-03-30 12:00:00')) AS DATE) AND c.renewal_date <= CAST(TO_TIMESTAMP_NTZ('2026-03-30 12:00:00') AS DATE))
