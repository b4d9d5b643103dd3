SELECT COUNT(*) AS profiles
FROM public.customers AS c
WHERE CAST(CAST('x' || substr(md5('spring-2026:' || CAST(c.customer_id AS text)), 1, 8) AS bit(32)) AS bigint) BETWEEN 429496730 AND 2576980377
