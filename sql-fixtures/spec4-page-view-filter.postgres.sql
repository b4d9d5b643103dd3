SELECT c.customer_id
FROM public.customers AS c
WHERE c.customer_id IN (SELECT e.visitor_id FROM web.page_views AS e WHERE e.device = 'mobile')
