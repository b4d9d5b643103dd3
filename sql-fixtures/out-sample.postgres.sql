SELECT c.customer_id
FROM public.customers AS c
WHERE CAST(CAST('x' || substr(md5('7:' || CAST(c.customer_id AS text)), 1, 8) AS bit(32)) AS bigint) < 2147483648
