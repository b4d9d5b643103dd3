SELECT c.customer_id
FROM fx.public.customers AS c
WHERE (c.renewal_date >= CAST(DATEADD(day, -1, DATE_TRUNC('day', TO_TIMESTAMP_NTZ('2026-03-30 12:00:00'))) AS DATE) AND c.renewal_date < CAST(DATE_TRUNC('day', TO_TIMESTAMP_NTZ('2026-03-30 12:00:00')) AS DATE))
