SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.customer_id IN (SELECT e.customer_id FROM fx.events.purchases AS e WHERE e.purchased_at >= to_utc_timestamp(date_trunc('MONTH', from_utc_timestamp(TIMESTAMP '2026-03-30 12:00:00', 'America/New_York')), 'America/New_York')
                 AND e.purchased_at <= TIMESTAMP '2026-03-30 12:00:00')
