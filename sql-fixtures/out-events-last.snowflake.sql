SELECT
    r.customer_id,
    r.purchased_at,
    r.amount,
    r.category,
    r.quantity,
    r.coupon,
    r.delivered_on
FROM (
SELECT
    c.customer_id,
    e.purchased_at,
    e.amount AS amount,
    e.category AS category,
    e.quantity AS quantity,
    e.coupon AS coupon,
    e.delivered_on AS delivered_on,
    ROW_NUMBER() OVER (PARTITION BY c.customer_id ORDER BY e.purchased_at DESC, e.amount NULLS LAST, e.category NULLS LAST, e.quantity NULLS LAST, e.coupon NULLS LAST, e.delivered_on NULLS LAST) AS casc_row
FROM fx.public.customers AS c
JOIN fx.events.purchases AS e ON e.customer_id = c.customer_id
WHERE c.customer_id IN (
    SELECT e.customer_id
    FROM fx.events.purchases AS e
    GROUP BY e.customer_id
    HAVING COUNT(*) >= 3
)
  AND e.purchased_at IS NOT NULL
) AS r
WHERE r.casc_row <= 1
