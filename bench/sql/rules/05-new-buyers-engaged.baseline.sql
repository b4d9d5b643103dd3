-- The baseline of 05-new-buyers-engaged.casc: each condition its own
-- subquery, now = 2026-03-31 12:00:00 UTC. "first purchase in last 30 days":
-- the earliest purchase of all lies in the window.
SELECT c.customer_id
FROM crm.customers AS c
WHERE c.customer_id IN (
      SELECT p.customer_id FROM events.purchases AS p
      GROUP BY p.customer_id
      HAVING MIN(p.purchased_at) >= TIMESTAMP '2026-03-01 12:00:00'
         AND MIN(p.purchased_at) <= TIMESTAMP '2026-03-31 12:00:00')
  AND ((SELECT COUNT(*) FROM events.page_views AS v
        WHERE v.customer_id = c.customer_id
          AND v.viewed_at >= TIMESTAMP '2026-03-01 12:00:00'
          AND v.viewed_at <= TIMESTAMP '2026-03-31 12:00:00') >= 5
       OR c.customer_id IN (
           SELECT o.customer_id FROM events.email_opens AS o
           WHERE o.opened_at >= TIMESTAMP '2026-03-01 12:00:00'
             AND o.opened_at <= TIMESTAMP '2026-03-31 12:00:00'))
