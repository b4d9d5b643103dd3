SELECT c.customer_id
FROM public.customers AS c
WHERE c."group" = 'A'
  OR c."group" = 'B'
