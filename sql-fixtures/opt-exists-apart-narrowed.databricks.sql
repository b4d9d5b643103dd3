SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.age >= 30
  AND c.customer_id IN (SELECT e.customer_id FROM fx.events.purchases AS e WHERE e.quantity >= 2
                 AND e.purchased_at >= timestampadd(YEAR, -1, TIMESTAMP '2026-03-30 12:00:00')
                 AND e.purchased_at <= TIMESTAMP '2026-03-30 12:00:00')
  AND c.customer_id IN (SELECT e.customer_id FROM fx.events.purchases AS e WHERE e.category = 'Books'
                 AND e.purchased_at >= timestampadd(YEAR, -1, TIMESTAMP '2026-03-30 12:00:00')
                 AND e.purchased_at <= TIMESTAMP '2026-03-30 12:00:00')
