SELECT
    c.customer_id,
    e.visited_at,
    e.store_name AS store
FROM public.customers AS c
JOIN events.store_visits AS e ON e.customer_id = c.customer_id
WHERE c.loyalty_tier = 'Silver'
