SELECT c.customer_id
FROM public.customers AS c
WHERE (c.renewal_date > CAST((TIMESTAMP '2026-03-30 12:00:00' + INTERVAL '-1 microsecond') AS DATE) AND c.renewal_date <= CAST((TIMESTAMP '2026-03-30 12:00:00' + INTERVAL '1 year') AS DATE))
