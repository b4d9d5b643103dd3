-- The baseline of 02-electronics-spenders.casc: each condition its own
-- subquery, now = 2026-03-31 12:00:00 UTC.
SELECT c.customer_id
FROM crm.customers AS c
WHERE (SELECT COUNT(*) FROM events.purchases AS p
       WHERE p.customer_id = c.customer_id
         AND p.category = 'Electronics' AND p.amount >= 100
         AND p.purchased_at >= TIMESTAMP '2025-12-31 12:00:00'
         AND p.purchased_at <= TIMESTAMP '2026-03-31 12:00:00') >= 2
  AND (SELECT COALESCE(SUM(p.amount), 0) FROM events.purchases AS p
       WHERE p.customer_id = c.customer_id
         AND p.purchased_at >= TIMESTAMP '2025-03-31 12:00:00'
         AND p.purchased_at <= TIMESTAMP '2026-03-31 12:00:00') > 1000
