SELECT c.customer_id
FROM fx.public.customers AS c
WHERE (c.renewal_date >= CAST(timestampadd(YEAR, 1, date_trunc('YEAR', TIMESTAMP '2026-03-30 12:00:00')) AS DATE) AND c.renewal_date < CAST(timestampadd(YEAR, 2, date_trunc('YEAR', TIMESTAMP '2026-03-30 12:00:00')) AS DATE))
