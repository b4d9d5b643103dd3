SELECT c.customer_id
FROM public.customers AS c
WHERE (c.renewal_date >= CAST((date_trunc('day', TIMESTAMP '2026-03-30 12:00:00') + INTERVAL '-1 day') AS DATE) AND c.renewal_date < CAST(date_trunc('day', TIMESTAMP '2026-03-30 12:00:00') AS DATE))
