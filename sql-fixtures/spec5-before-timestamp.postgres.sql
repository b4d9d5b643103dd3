SELECT c.customer_id
FROM public.customers AS c
WHERE c.customer_id IN (SELECT e.customer_id FROM events.purchases AS e WHERE e.category = 'Jewelry'
                 AND e.purchased_at < TIMESTAMP '2025-12-31 23:59:59')
