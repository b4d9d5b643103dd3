SELECT
    b.bucket,
    b.low + (b.bucket - 1) * (b.high - b.low) / 5.0 AS lower_bound,
    b.low + b.bucket * (b.high - b.low) / 5.0 AS upper_bound,
    COUNT(*) AS profiles
FROM (
SELECT
    CASE
        WHEN c.age IS NULL THEN NULL
        WHEN MAX(c.age) OVER () = MIN(c.age) OVER () THEN 1
        ELSE LEAST(CAST(FLOOR((c.age - MIN(c.age) OVER ()) * 5 / (MAX(c.age) OVER () - MIN(c.age) OVER ())) AS INTEGER), 4) + 1
    END AS bucket,
    MIN(c.age) OVER () AS low,
    MAX(c.age) OVER () AS high
FROM fx.public.customers AS c
) AS b
GROUP BY b.bucket, b.low, b.high
ORDER BY b.bucket NULLS LAST
