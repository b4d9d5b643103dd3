SELECT c.customer_id
FROM public.customers AS c
WHERE c.age >= 30
  AND (
    SELECT NOT COALESCE((MAX(e.purchased_at) >= (TIMESTAMP '2026-03-30 12:00:00' + INTERVAL '-7 day') AND MAX(e.purchased_at) <= TIMESTAMP '2026-03-30 12:00:00'), FALSE)
       AND NOT COALESCE(AVG(e.amount) >= 50, FALSE)
    FROM events.purchases AS e
    WHERE e.customer_id = c.customer_id
)
