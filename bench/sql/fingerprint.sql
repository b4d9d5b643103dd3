-- One row per table of sums over its columns, each as DECIMAL(38, 2) so that
-- both engines print it alike; run.sh checks that PostgreSQL and DuckDB give
-- the same rows, so both hold the same data.
SELECT 'customers' AS t,
       CAST(COUNT(*) AS DECIMAL(38, 2)),
       CAST(SUM(customer_id) AS DECIMAL(38, 2)),
       CAST(COUNT(email) AS DECIMAL(38, 2)),
       CAST(SUM(LENGTH(loyalty_tier)) AS DECIMAL(38, 2)),
       CAST(SUM(age) AS DECIMAL(38, 2)),
       CAST(SUM(CASE WHEN email_opt_in THEN 1 ELSE 0 END) AS DECIMAL(38, 2)),
       CAST(SUM(CAST(EXTRACT(EPOCH FROM CAST(signup_date AS timestamp)) AS bigint)) AS DECIMAL(38, 2)),
       CAST(SUM(CAST(EXTRACT(EPOCH FROM last_login_at) AS bigint)) AS DECIMAL(38, 2)),
       CAST(SUM(COALESCE(array_length(interests, 1), 0)) AS DECIMAL(38, 2))
FROM crm.customers
UNION ALL
SELECT 'customer_scores' AS t,
       CAST(COUNT(*) AS DECIMAL(38, 2)),
       CAST(SUM(customer_id) AS DECIMAL(38, 2)),
       CAST(COUNT(ltv) AS DECIMAL(38, 2)),
       CAST(SUM(ltv) AS DECIMAL(38, 2)),
       CAST(SUM(churn_probability) AS DECIMAL(38, 2)),
       CAST(0 AS DECIMAL(38, 2)),
       CAST(0 AS DECIMAL(38, 2)),
       CAST(0 AS DECIMAL(38, 2)),
       CAST(0 AS DECIMAL(38, 2))
FROM analytics.customer_scores
UNION ALL
SELECT 'suppression_list' AS t,
       CAST(COUNT(*) AS DECIMAL(38, 2)),
       CAST(SUM(customer_id) AS DECIMAL(38, 2)),
       CAST(0 AS DECIMAL(38, 2)),
       CAST(0 AS DECIMAL(38, 2)),
       CAST(0 AS DECIMAL(38, 2)),
       CAST(0 AS DECIMAL(38, 2)),
       CAST(0 AS DECIMAL(38, 2)),
       CAST(0 AS DECIMAL(38, 2)),
       CAST(0 AS DECIMAL(38, 2))
FROM crm.suppression_list
UNION ALL
SELECT 'purchases' AS t,
       CAST(COUNT(*) AS DECIMAL(38, 2)),
       CAST(SUM(customer_id) AS DECIMAL(38, 2)),
       CAST(SUM(CAST(EXTRACT(EPOCH FROM purchased_at) AS bigint)) AS DECIMAL(38, 2)),
       CAST(SUM(amount) AS DECIMAL(38, 2)),
       CAST(SUM(LENGTH(category)) AS DECIMAL(38, 2)),
       CAST(SUM(LENGTH(channel)) AS DECIMAL(38, 2)),
       CAST(0 AS DECIMAL(38, 2)),
       CAST(0 AS DECIMAL(38, 2)),
       CAST(0 AS DECIMAL(38, 2))
FROM events.purchases
UNION ALL
SELECT 'page_views' AS t,
       CAST(COUNT(*) AS DECIMAL(38, 2)),
       CAST(SUM(customer_id) AS DECIMAL(38, 2)),
       CAST(SUM(CAST(EXTRACT(EPOCH FROM viewed_at) AS bigint)) AS DECIMAL(38, 2)),
       CAST(SUM(LENGTH(url)) AS DECIMAL(38, 2)),
       CAST(SUM(LENGTH(device)) AS DECIMAL(38, 2)),
       CAST(0 AS DECIMAL(38, 2)),
       CAST(0 AS DECIMAL(38, 2)),
       CAST(0 AS DECIMAL(38, 2)),
       CAST(0 AS DECIMAL(38, 2))
FROM events.page_views
UNION ALL
SELECT 'email_opens' AS t,
       CAST(COUNT(*) AS DECIMAL(38, 2)),
       CAST(SUM(customer_id) AS DECIMAL(38, 2)),
       CAST(SUM(CAST(EXTRACT(EPOCH FROM opened_at) AS bigint)) AS DECIMAL(38, 2)),
       CAST(SUM(LENGTH(campaign)) AS DECIMAL(38, 2)),
       CAST(0 AS DECIMAL(38, 2)),
       CAST(0 AS DECIMAL(38, 2)),
       CAST(0 AS DECIMAL(38, 2)),
       CAST(0 AS DECIMAL(38, 2)),
       CAST(0 AS DECIMAL(38, 2))
FROM events.email_opens
ORDER BY 1
