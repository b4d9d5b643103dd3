SELECT c.customer_id
FROM fx.public.customers AS c
WHERE EXISTS (SELECT 1 FROM fx.web.page_views AS e WHERE e.visitor_id = c.customer_id AND e.device = 'mobile')
