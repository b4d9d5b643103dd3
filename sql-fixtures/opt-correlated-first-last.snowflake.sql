SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.age BETWEEN 30 AND 60
  AND (
    SELECT MIN(e.purchased_at) < DATEADD(day, -30, TO_TIMESTAMP_NTZ('2026-03-30 12:00:00'))
       AND (MAX(e.purchased_at) >= DATEADD(day, -30, TO_TIMESTAMP_NTZ('2026-03-30 12:00:00')) AND MAX(e.purchased_at) <= TO_TIMESTAMP_NTZ('2026-03-30 12:00:00'))
    FROM fx.events.purchases AS e
    WHERE e.customer_id = c.customer_id
)
