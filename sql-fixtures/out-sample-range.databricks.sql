SELECT COUNT(*) AS profiles
FROM fx.public.customers AS c
WHERE CAST(conv(substr(md5(concat('spring-2026:', CAST(c.customer_id AS STRING))), 1, 8), 16, 10) AS BIGINT) BETWEEN 429496730 AND 2576980377
