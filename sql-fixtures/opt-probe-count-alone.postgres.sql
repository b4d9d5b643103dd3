SELECT c.customer_id
FROM public.customers AS c
WHERE c.age >= 30
  AND EXISTS (
    SELECT 1
    FROM events.purchases AS e
    WHERE e.customer_id = c.customer_id
    OFFSET 2
)
