SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.age >= 30
  AND (
    SELECT COUNT(*) >= 2.5
    FROM fx.events.purchases AS e
    WHERE e.customer_id = c.customer_id
)
