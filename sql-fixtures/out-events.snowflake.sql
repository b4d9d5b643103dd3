SELECT
    c.customer_id,
    e.visited_at,
    e.store_name AS store
FROM fx.public.customers AS c
JOIN fx.events.store_visits AS e ON e.customer_id = c.customer_id
WHERE c.loyalty_tier = 'Silver'
