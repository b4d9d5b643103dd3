SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.age >= 30
  AND (
    SELECT NOT COALESCE((MAX(e.purchased_at) >= DATEADD(day, -7, TO_TIMESTAMP_NTZ('2026-03-30 12:00:00')) AND MAX(e.purchased_at) <= TO_TIMESTAMP_NTZ('2026-03-30 12:00:00')), FALSE)
       AND NOT COALESCE(AVG(e.amount) >= 50, FALSE)
    FROM fx.events.purchases AS e
    WHERE e.customer_id = c.customer_id
)
