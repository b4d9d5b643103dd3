-- The baseline of 09-omnichannel.casc: each condition its own subquery,
-- now = 2026-03-31 12:00:00 UTC.
SELECT c.customer_id
FROM crm.customers AS c
WHERE c.customer_id IN (
      SELECT p.customer_id FROM events.purchases AS p
      WHERE p.channel = 'store'
        AND p.purchased_at >= TIMESTAMP '2025-10-02 12:00:00'
        AND p.purchased_at <= TIMESTAMP '2026-03-31 12:00:00')
  AND c.customer_id IN (
      SELECT p.customer_id FROM events.purchases AS p
      WHERE p.channel = 'web'
        AND p.purchased_at >= TIMESTAMP '2025-10-02 12:00:00'
        AND p.purchased_at <= TIMESTAMP '2026-03-31 12:00:00')
  AND c.customer_id IN (
      SELECT p.customer_id FROM events.purchases AS p
      WHERE p.channel = 'app'
        AND p.purchased_at >= TIMESTAMP '2025-10-02 12:00:00'
        AND p.purchased_at <= TIMESTAMP '2026-03-31 12:00:00')
