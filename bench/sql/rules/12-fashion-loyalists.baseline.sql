-- The baseline of 12-fashion-loyalists.casc: each condition its own
-- subquery, now = 2026-03-31 12:00:00 UTC; the attribute table joined as
-- casc does. "this month" starts on 2026-03-01 00:00:00.
SELECT c.customer_id
FROM crm.customers AS c
LEFT JOIN analytics.customer_scores AS s ON s.customer_id = c.customer_id
WHERE (c.loyalty_tier = 'Gold' OR c.loyalty_tier = 'Platinum' OR s.ltv >= 1000)
  AND (SELECT COUNT(*) FROM events.purchases AS p
       WHERE p.customer_id = c.customer_id
         AND (p.category = 'Apparel' OR p.category = 'Shoes')
         AND p.purchased_at >= TIMESTAMP '2025-12-31 12:00:00'
         AND p.purchased_at <= TIMESTAMP '2026-03-31 12:00:00') >= 2
  AND NOT ((SELECT COUNT(*) FROM events.email_opens AS o
            WHERE o.customer_id = c.customer_id
              AND o.opened_at >= TIMESTAMP '2026-03-01 00:00:00'
              AND o.opened_at <= TIMESTAMP '2026-03-31 12:00:00') > 5
           OR c.customer_id IN (SELECT l.customer_id FROM crm.suppression_list AS l))
