SELECT c.customer_id
FROM fx.public.customers AS c
WHERE TO_NUMBER(UPPER(SUBSTR(MD5('7:' || CAST(c.customer_id AS VARCHAR)), 1, 8)), 'XXXXXXXX') < 2147483648
