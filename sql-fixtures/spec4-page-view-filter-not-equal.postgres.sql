SELECT c.customer_id
FROM public.customers AS c
WHERE EXISTS (SELECT 1 FROM web.page_views AS e WHERE e.visitor_id = c.customer_id AND e.device IS DISTINCT FROM 'mobile')
