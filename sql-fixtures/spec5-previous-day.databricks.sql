SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.customer_id IN (SELECT e.customer_id FROM fx.events.purchases AS e WHERE e.purchased_at >= timestampadd(DAY, -1, date_trunc('DAY', TIMESTAMP '2026-03-30 12:00:00'))
                 AND e.purchased_at < date_trunc('DAY', TIMESTAMP '2026-03-30 12:00:00'))
