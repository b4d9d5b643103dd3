SELECT c.customer_id
FROM public.customers AS c
WHERE c.last_login_at < ((TIMESTAMP '2026-03-30 09:00:00' AT TIME ZONE 'Asia/Tokyo') AT TIME ZONE 'UTC')
