-- The baseline of 08-vip-at-risk.casc: each condition its own subquery,
-- now = 2026-03-31 12:00:00 UTC; the attribute table joined as casc does.
-- The segment 'VIP' is lifetime_value > 2000; "last purchase before 60 days
-- ago": the latest purchase is older than that.
SELECT c.customer_id
FROM crm.customers AS c
LEFT JOIN analytics.customer_scores AS s ON s.customer_id = c.customer_id
WHERE s.ltv > 2000
  AND s.churn_probability >= 0.5
  AND c.customer_id IN (
      SELECT p.customer_id FROM events.purchases AS p
      GROUP BY p.customer_id
      HAVING MAX(p.purchased_at) < TIMESTAMP '2026-01-30 12:00:00')
