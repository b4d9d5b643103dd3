"""Time sqlglot (Debian's python3-sqlglot) on the SQL casc emits for the
typical rules: parse it as Snowflake and write it as Databricks, the
nearest thing sqlglot does to what casc does. Prints one JSON object.

    python3 bench/compile/peers_sqlglot.py FILE_OF_SQL_STATEMENTS ITERATIONS
(statements separated by lines holding only ';', as `casc compile
--each-line` writes them)."""
import json
import statistics
import sys
import time

import sqlglot

statements = [s.strip() for s in open(sys.argv[1]).read().split("\n;\n") if s.strip()]
iterations = int(sys.argv[2])
for s in statements:  # warm-up
    sqlglot.transpile(s, read="snowflake", write="databricks")
times = []
for _ in range(iterations):
    for s in statements:
        t0 = time.perf_counter()
        sqlglot.transpile(s, read="snowflake", write="databricks")
        times.append(time.perf_counter() - t0)
times.sort()
print(json.dumps({
    "tool": "sqlglot " + sqlglot.__version__,
    "what": "transpile casc's Snowflake SQL of each typical rule to Databricks",
    "calls": len(times),
    "median_us": statistics.median(times) * 1e6,
    "p99_us": times[len(times) * 99 // 100] * 1e6,
}))
