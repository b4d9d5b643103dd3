SELECT c.customer_id
FROM public.customers AS c
WHERE c.customer_id IN (
    SELECT e.customer_id
    FROM mobile.app_sessions AS e
    GROUP BY e.customer_id
    HAVING COALESCE(SUM(e.duration_seconds), 0) >= 100
)
