SELECT
    CASE WHEN g.casc_rank <= 2 THEN g.value END AS value,
    (g.casc_rank > 2 AND g.value IS NOT NULL) AS other,
    SUM(g.profiles) AS profiles
FROM (
SELECT
    c.loyalty_tier AS value,
    COUNT(*) AS profiles,
    ROW_NUMBER() OVER (ORDER BY c.loyalty_tier IS NULL, COUNT(*) DESC, c.loyalty_tier) AS casc_rank
FROM public.customers AS c
GROUP BY c.loyalty_tier
) AS g
GROUP BY CASE WHEN g.casc_rank <= 2 THEN g.value END, (g.casc_rank > 2 AND g.value IS NOT NULL)
ORDER BY 2, 3 DESC, 1 NULLS LAST
