-- The baseline of 03-cart-abandoners.casc: each condition its own
-- subquery, now = 2026-03-31 12:00:00 UTC.
SELECT c.customer_id
FROM crm.customers AS c
WHERE c.customer_id IN (
      SELECT v.customer_id FROM events.page_views AS v
      WHERE v.url = '/cart'
        AND v.viewed_at >= TIMESTAMP '2026-03-24 12:00:00'
        AND v.viewed_at <= TIMESTAMP '2026-03-31 12:00:00')
  AND c.customer_id NOT IN (
      SELECT p.customer_id FROM events.purchases AS p
      WHERE p.purchased_at >= TIMESTAMP '2026-03-24 12:00:00'
        AND p.purchased_at <= TIMESTAMP '2026-03-31 12:00:00')
  AND c.email_opt_in = TRUE
