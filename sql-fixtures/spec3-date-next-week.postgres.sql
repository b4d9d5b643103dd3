SELECT c.customer_id
FROM public.customers AS c
WHERE (c.renewal_date >= CAST((date_trunc('week', TIMESTAMP '2026-03-30 12:00:00') + INTERVAL '7 day') AS DATE) AND c.renewal_date < CAST((date_trunc('week', TIMESTAMP '2026-03-30 12:00:00') + INTERVAL '14 day') AS DATE))
