-- The baseline of 01-recent-premium-buyers.casc: each condition its own
-- subquery, now = 2026-03-31 12:00:00 UTC.
SELECT c.customer_id
FROM crm.customers AS c
WHERE c.loyalty_tier IN ('Gold', 'Platinum')
  AND c.customer_id IN (
      SELECT p.customer_id FROM events.purchases AS p
      WHERE p.purchased_at >= TIMESTAMP '2026-03-01 12:00:00'
        AND p.purchased_at <= TIMESTAMP '2026-03-31 12:00:00')
