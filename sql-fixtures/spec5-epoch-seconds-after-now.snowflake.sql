SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.customer_id IN (SELECT e.visitor_id FROM fx.web.page_views AS e WHERE e.time > (DATE_PART(epoch_microsecond, TO_TIMESTAMP_NTZ('2026-03-30 12:00:00')) / 1000000))
