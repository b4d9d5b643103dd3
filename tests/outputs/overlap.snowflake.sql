SELECT
    o.rule_1,
    o.rule_2,
    o.rule_3,
    COUNT(*) AS profiles
FROM (
SELECT
    COALESCE((
        c.loyalty_tier = 'Gold'
        OR a1.ltv > 1000
    ), FALSE) AS rule_1,
    COALESCE(COALESCE(b1.m1, 0) > 0, FALSE) AS rule_2,
    COALESCE(a1.ltv > 5000, FALSE) AS rule_3
FROM fx.public.customers AS c
LEFT JOIN fx.analytics.customer_metrics AS a1 ON a1.customer_id = c.customer_id
LEFT JOIN (
    SELECT
        e.customer_id,
        COUNT(*) AS m1
    FROM fx.events.purchases AS e
    WHERE e.purchased_at >= DATEADD(day, -30, TO_TIMESTAMP_NTZ('2026-03-30 12:00:00'))
      AND e.purchased_at <= TO_TIMESTAMP_NTZ('2026-03-30 12:00:00')
    GROUP BY e.customer_id
) AS b1 ON b1.customer_id = c.customer_id
) AS o
WHERE o.rule_1 OR o.rule_2 OR o.rule_3
GROUP BY o.rule_1, o.rule_2, o.rule_3
ORDER BY o.rule_1 DESC, o.rule_2 DESC, o.rule_3 DESC
