SELECT c.customer_id
FROM public.customers AS c
WHERE c.customer_id IN (
    SELECT e.customer_id
    FROM events.purchases AS e
    GROUP BY e.customer_id
    HAVING (MIN(e.purchased_at) >= (TIMESTAMP '2026-03-30 12:00:00' + INTERVAL '-30 day') AND MIN(e.purchased_at) <= TIMESTAMP '2026-03-30 12:00:00')
       AND NOT COALESCE((MIN(e.purchased_at) >= (TIMESTAMP '2026-03-30 12:00:00' + INTERVAL '-30 day') AND MIN(e.purchased_at) <= TIMESTAMP '2026-03-30 12:00:00'), FALSE)
)
