-- The baseline of 10-outdoor-mobile.casc: each condition its own subquery,
-- now = 2026-03-31 12:00:00 UTC.
SELECT c.customer_id
FROM crm.customers AS c
WHERE c.country_code IN ('US', 'CA')
  AND ('running' = ANY(c.interests) OR 'outdoors' = ANY(c.interests))
  AND c.customer_id IN (
      SELECT v.customer_id FROM events.page_views AS v
      WHERE v.device = 'mobile' AND v.url = '/category/sports'
        AND v.viewed_at >= TIMESTAMP '2026-03-01 12:00:00'
        AND v.viewed_at <= TIMESTAMP '2026-03-31 12:00:00')
