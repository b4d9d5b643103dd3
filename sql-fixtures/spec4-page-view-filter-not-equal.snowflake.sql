SELECT c.customer_id
FROM fx.public.customers AS c
WHERE c.customer_id IN (SELECT e.visitor_id FROM fx.web.page_views AS e WHERE e.device IS DISTINCT FROM 'mobile')
