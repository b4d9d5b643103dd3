SELECT c.customer_id
FROM public.customers AS c
WHERE (c.renewal_date >= CAST((date_trunc('quarter', TIMESTAMP '2026-03-30 12:00:00') + INTERVAL '3 month') AS DATE) AND c.renewal_date < CAST((date_trunc('quarter', TIMESTAMP '2026-03-30 12:00:00') + INTERVAL '6 month') AS DATE))
