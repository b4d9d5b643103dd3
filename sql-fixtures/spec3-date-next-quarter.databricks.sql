SELECT c.customer_id
FROM fx.public.customers AS c
WHERE (c.renewal_date >= CAST(timestampadd(MONTH, 3, date_trunc('QUARTER', TIMESTAMP '2026-03-30 12:00:00')) AS DATE) AND c.renewal_date < CAST(timestampadd(MONTH, 6, date_trunc('QUARTER', TIMESTAMP '2026-03-30 12:00:00')) AS DATE))
