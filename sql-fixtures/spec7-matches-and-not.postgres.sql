SELECT c.customer_id
FROM public.customers AS c
WHERE (c.email ~ 'example')
  AND NOT COALESCE((c.email ~ 'example'), FALSE)
