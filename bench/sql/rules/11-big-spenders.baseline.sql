-- The baseline of 11-big-spenders.casc: each condition its own subquery,
-- now = 2026-03-31 12:00:00 UTC; the attribute table joined as casc does.
SELECT c.customer_id
FROM crm.customers AS c
LEFT JOIN analytics.customer_scores AS s ON s.customer_id = c.customer_id
WHERE (SELECT COALESCE(SUM(p.amount), 0) FROM events.purchases AS p
       WHERE p.customer_id = c.customer_id
         AND p.purchased_at >= TIMESTAMP '2025-03-31 12:00:00'
         AND p.purchased_at <= TIMESTAMP '2026-03-31 12:00:00') >= 2000
   OR c.customer_id IN (
      SELECT p.customer_id FROM events.purchases AS p
      WHERE p.amount >= 500
        AND p.purchased_at >= TIMESTAMP '2025-12-31 12:00:00'
        AND p.purchased_at <= TIMESTAMP '2026-03-31 12:00:00')
   OR s.ltv > 10000
