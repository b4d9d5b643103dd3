SELECT c.customer_id
FROM public.customers AS c
WHERE c.age BETWEEN 30 AND 60
  AND (
    SELECT MIN(e.purchased_at) < (TIMESTAMP '2026-03-30 12:00:00' + INTERVAL '-30 day')
       AND (MAX(e.purchased_at) >= (TIMESTAMP '2026-03-30 12:00:00' + INTERVAL '-30 day') AND MAX(e.purchased_at) <= TIMESTAMP '2026-03-30 12:00:00')
    FROM events.purchases AS e
    WHERE e.customer_id = c.customer_id
)
