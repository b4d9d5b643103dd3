SELECT c.customer_id
FROM fx.public.customers AS c
WHERE (c.renewal_date >= CAST(DATEADD(day, 7, TO_TIMESTAMP_NTZ(NEXT_DAY(DATEADD(day, -7, TO_TIMESTAMP_NTZ('2026-03-30 12:00:00')), 'monday'))) AS DATE) AND c.renewal_date < CAST(DATEADD(day, 14, TO_TIMESTAMP_NTZ(NEXT_DAY(DATEADD(day, -7, TO_TIMESTAMP_NTZ('2026-03-30 12:00:00')), 'monday'))) AS DATE))
