-- The baseline of 04-lapsed-regulars.casc: each condition its own
-- subquery, now = 2026-03-31 12:00:00 UTC.
SELECT c.customer_id
FROM crm.customers AS c
WHERE (SELECT COUNT(*) FROM events.purchases AS p
       WHERE p.customer_id = c.customer_id
         AND p.purchased_at >= TIMESTAMP '2025-03-31 12:00:00'
         AND p.purchased_at <= TIMESTAMP '2026-03-31 12:00:00') >= 3
  AND c.customer_id NOT IN (
      SELECT p.customer_id FROM events.purchases AS p
      WHERE p.purchased_at >= TIMESTAMP '2025-12-31 12:00:00'
        AND p.purchased_at <= TIMESTAMP '2026-03-31 12:00:00')
  AND c.customer_id IN (
      SELECT o.customer_id FROM events.email_opens AS o
      WHERE o.opened_at >= TIMESTAMP '2026-03-01 12:00:00'
        AND o.opened_at <= TIMESTAMP '2026-03-31 12:00:00')
