SELECT c.customer_id
FROM public.customers AS c
LEFT JOIN (
    SELECT
        e.customer_id,
        COUNT(*) AS m1
    FROM crm.email_opens AS e
    WHERE e.opened_on >= CAST(date_trunc('month', TIMESTAMP '2026-03-30 12:00:00') AS DATE)
      AND e.opened_on <= CAST(TIMESTAMP '2026-03-30 12:00:00' AS DATE)
    GROUP BY e.customer_id
) AS b1 ON b1.customer_id = c.customer_id
WHERE COALESCE(b1.m1, 0) > 3
