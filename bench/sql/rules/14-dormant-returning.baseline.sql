-- The baseline of 14-dormant-returning.casc: each condition its own
-- subquery, now = 2026-03-31 12:00:00 UTC. "between 2025-10-01 and
-- 2025-12-31" runs to the end of December 31.
SELECT c.customer_id
FROM crm.customers AS c
WHERE c.last_login_at >= TIMESTAMP '2026-03-17 12:00:00'
  AND c.last_login_at <= TIMESTAMP '2026-03-31 12:00:00'
  AND c.customer_id NOT IN (
      SELECT v.customer_id FROM events.page_views AS v
      WHERE v.viewed_at >= TIMESTAMP '2025-10-01 00:00:00'
        AND v.viewed_at < TIMESTAMP '2026-01-01 00:00:00')
  AND c.customer_id NOT IN (
      SELECT p.customer_id FROM events.purchases AS p
      WHERE p.purchased_at >= TIMESTAMP '2025-10-01 00:00:00'
        AND p.purchased_at < TIMESTAMP '2026-01-01 00:00:00')
  AND (SELECT COUNT(*) FROM events.purchases AS p
       WHERE p.customer_id = c.customer_id) >= 1
  AND COALESCE(array_length(c.interests, 1), 0) > 0
