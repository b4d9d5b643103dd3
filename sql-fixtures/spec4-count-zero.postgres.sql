SELECT c.customer_id
FROM public.customers AS c
WHERE NOT EXISTS (SELECT 1 FROM events.purchases AS e WHERE e.customer_id = c.customer_id AND e.purchased_at >= (TIMESTAMP '2026-03-30 12:00:00' + INTERVAL '-30 day')
                 AND e.purchased_at <= TIMESTAMP '2026-03-30 12:00:00')
