SELECT c.customer_id
FROM public.customers AS c
WHERE (c.renewal_date >= CAST((date_trunc('month', TIMESTAMP '2026-03-30 12:00:00') + INTERVAL '1 month') AS DATE) AND c.renewal_date < CAST((date_trunc('month', TIMESTAMP '2026-03-30 12:00:00') + INTERVAL '2 month') AS DATE))
