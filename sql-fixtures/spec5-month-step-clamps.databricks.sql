SELECT c.customer_id
FROM fx.public.customers AS c
WHERE EXISTS (SELECT 1 FROM fx.events.purchases AS e WHERE e.customer_id = c.customer_id AND e.amount = 100
                 AND e.purchased_at >= timestampadd(MONTH, -1, TIMESTAMP '2026-03-31 12:00:00')
                 AND e.purchased_at <= TIMESTAMP '2026-03-31 12:00:00')
