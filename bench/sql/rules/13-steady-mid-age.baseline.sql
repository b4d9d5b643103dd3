-- The baseline of 13-steady-mid-age.casc: each condition its own subquery,
-- now = 2026-03-31 12:00:00 UTC.
SELECT c.customer_id
FROM crm.customers AS c
WHERE (SELECT AVG(p.amount) FROM events.purchases AS p
       WHERE p.customer_id = c.customer_id
         AND p.purchased_at >= TIMESTAMP '2025-03-31 12:00:00'
         AND p.purchased_at <= TIMESTAMP '2026-03-31 12:00:00') >= 60
  AND (SELECT COUNT(*) FROM events.purchases AS p
       WHERE p.customer_id = c.customer_id
         AND p.purchased_at >= TIMESTAMP '2025-03-31 12:00:00'
         AND p.purchased_at <= TIMESTAMP '2026-03-31 12:00:00') >= 4
  AND c.age BETWEEN 25 AND 44
