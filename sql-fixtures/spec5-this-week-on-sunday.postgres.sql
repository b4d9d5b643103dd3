SELECT c.customer_id
FROM public.customers AS c
WHERE c.customer_id IN (SELECT e.customer_id FROM events.purchases AS e WHERE e.purchased_at >= date_trunc('week', TIMESTAMP '2026-03-29 23:59:59')
                 AND e.purchased_at <= TIMESTAMP '2026-03-29 23:59:59')
