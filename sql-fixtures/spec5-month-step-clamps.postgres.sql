SELECT c.customer_id
FROM public.customers AS c
WHERE c.customer_id IN (SELECT e.customer_id FROM events.purchases AS e WHERE e.amount = 100
                 AND e.purchased_at >= (TIMESTAMP '2026-03-31 12:00:00' + INTERVAL '-1 month')
                 AND e.purchased_at <= TIMESTAMP '2026-03-31 12:00:00')
