SELECT c.customer_id
FROM fx.public.customers AS c
WHERE CAST(conv(substr(md5(concat('7:', CAST(c.customer_id AS STRING))), 1, 8), 16, 10) AS BIGINT) < 2147483648
