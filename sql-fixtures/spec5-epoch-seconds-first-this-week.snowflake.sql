SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.customer_id IN (SELECT e.visitor_id FROM fx.web.page_views AS e WHERE e.time >= (DATE_PART(epoch_microsecond, TO_TIMESTAMP_NTZ(NEXT_DAY(DATEADD(day, -7, TO_TIMESTAMP_NTZ('2026-03-30 12:00:00')), 'monday'))) / 1000000)
                 AND e.time <= (DATE_PART(epoch_microsecond, TO_TIMESTAMP_NTZ('2026-03-30 12:00:00')) / 1000000))
  AND NOT EXISTS (SELECT 1 FROM fx.web.page_views AS e WHERE e.visitor_id = c.customer_id AND e.time < (DATE_PART(epoch_microsecond, TO_TIMESTAMP_NTZ(NEXT_DAY(DATEADD(day, -7, TO_TIMESTAMP_NTZ('2026-03-30 12:00:00')), 'monday'))) / 1000000))
