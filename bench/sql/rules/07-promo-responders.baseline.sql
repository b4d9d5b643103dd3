-- The baseline of 07-promo-responders.casc: each condition its own
-- subquery, now = 2026-03-31 12:00:00 UTC. The segment 'Mailable' is
-- email_opt_in and not in segment 'Suppressed' (a table); `not like` keeps
-- profiles without an email.
SELECT c.customer_id
FROM crm.customers AS c
WHERE c.email_opt_in = TRUE
  AND c.customer_id NOT IN (SELECT s.customer_id FROM crm.suppression_list AS s)
  AND (SELECT COUNT(*) FROM events.email_opens AS o
       WHERE o.customer_id = c.customer_id
         AND o.opened_at >= TIMESTAMP '2026-01-30 12:00:00'
         AND o.opened_at <= TIMESTAMP '2026-03-31 12:00:00') >= 3
  AND c.customer_id IN (
      SELECT o.customer_id FROM events.email_opens AS o
      WHERE starts_with(o.campaign, 'promo_')
        AND o.opened_at >= TIMESTAMP '2026-03-01 12:00:00'
        AND o.opened_at <= TIMESTAMP '2026-03-31 12:00:00')
  AND NOT COALESCE(c.email LIKE '%@example.%', FALSE)
