-- The baseline of 06-browsers-not-buyers.casc: each condition its own
-- subquery, now = 2026-03-31 12:00:00 UTC.
SELECT c.customer_id
FROM crm.customers AS c
WHERE (SELECT COUNT(*) FROM events.page_views AS v
       WHERE v.customer_id = c.customer_id
         AND v.viewed_at >= TIMESTAMP '2026-03-01 12:00:00'
         AND v.viewed_at <= TIMESTAMP '2026-03-31 12:00:00') >= 20
  AND (SELECT COUNT(DISTINCT v.url) FROM events.page_views AS v
       WHERE v.customer_id = c.customer_id
         AND v.url LIKE '/product/%'
         AND v.viewed_at >= TIMESTAMP '2026-03-01 12:00:00'
         AND v.viewed_at <= TIMESTAMP '2026-03-31 12:00:00') >= 5
  AND (SELECT COUNT(*) FROM events.purchases AS p
       WHERE p.customer_id = c.customer_id
         AND p.purchased_at >= TIMESTAMP '2025-12-31 12:00:00'
         AND p.purchased_at <= TIMESTAMP '2026-03-31 12:00:00') = 0
