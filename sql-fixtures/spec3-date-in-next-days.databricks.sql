SELECT c.customer_id
FROM fx.public.customers AS c
WHERE (c.renewal_date > CAST(timestampadd(MICROSECOND, -1, TIMESTAMP '2026-03-30 12:00:00') AS DATE) AND c.renewal_date <= CAST(timestampadd(DAY, 30, TIMESTAMP '2026-03-30 12:00:00') AS DATE))
