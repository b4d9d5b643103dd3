SELECT r.customer_id
FROM (
SELECT
    c.customer_id,
    ROW_NUMBER() OVER (ORDER BY c.age ASC NULLS LAST, c.customer_id) AS casc_row,
    COUNT(*) OVER () AS casc_total
FROM fx.public.customers AS c
WHERE c.loyalty_tier = 'Gold'
  OR c.loyalty_tier = 'Silver'
) AS r
WHERE r.casc_row * 10000 <= r.casc_total * 6000
ORDER BY r.casc_row
