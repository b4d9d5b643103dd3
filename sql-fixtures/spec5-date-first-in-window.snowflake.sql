SELECT c.customer_id
FROM fx.public.customers AS c
LEFT JOIN (
    SELECT
        e.customer_id,
        MIN(e.opened_on) AS m1
    FROM fx.crm.email_opens AS e
    GROUP BY e.customer_id
) AS b1 ON b1.customer_id = c.customer_id
WHERE (b1.m1 > CAST(DATEADD(microsecond, -1, DATEADD(day, -30, TO_TIMESTAMP_NTZ('2026-03-30 12:00:00'))) AS DATE) AND b1.m1 <= CAST(TO_TIMESTAMP_NTZ('2026-03-30 12:00:00') AS DATE))
