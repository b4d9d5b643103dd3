#!/bin/sh
# Compile benchmarks (issue 9): how fast casc turns rules into SQL, through
# the library and through `casc compile --each-line`, beside sqlglot and
# prqlc. Prints a markdown report (also written to bench/compile/results.md).
#
#   sh bench/compile/run.sh            # about two minutes
#   ITERATIONS=2000 sh bench/compile/run.sh   # shorter
#
# Needs: the build (make), python3-sqlglot (Debian), node + npm (prqlc is
# installed into bench/compile/node_modules on first run).
set -eu
cd "$(dirname "$0")/../.."
ITERATIONS=${ITERATIONS:-20000}
model=examples/retail.yaml
now=2026-03-30T12:00:00Z
dir=bench/compile
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
make -s -j2 build/casc build/libcasc.a
# shellcheck disable=SC2046 # pkg-config's flags are words
cc -O2 -std=c11 -Iinclude -o "$work/compile_bench" $dir/compile_bench.c build/libcasc.a \
    $(pkg-config --libs libcjson yaml-0.1) -lm

out=$dir/results.md
{
echo "## Compile benchmarks"
echo
echo "Machine: $(lscpu | sed -n 's/^Model name: *//p') ($(nproc) cores), $(free -g | awk '/^Mem/ {print $2}') GiB;"
echo "casc $(build/casc --version | cut -d' ' -f2), $(cc --version | head -n 1); $(date -u +%Y-%m-%d)."
echo "Command: \`sh bench/compile/run.sh\` (ITERATIONS=$ITERATIONS)."
echo
echo "### One rule at a time, through the library (casc_compile: rule text in, SQL text out)"
echo
echo "| rules | dialect | median µs | p90 µs | p99 µs | max µs | rules/s |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
for set in short typical fifty; do
    for d in snowflake databricks postgres; do
        n=$ITERATIONS
        [ $set = fifty ] && n=$((ITERATIONS / 10))
        "$work/compile_bench" $model $dir/$set.txt $d $n >"$work/r"
        awk -v set=$set -v d=$d '
            /^latency/ {med=$4; p90=$6; p99=$8; max=$10}
            /^rules\/s/ {rps=$2}
            END {printf "| %s | %s | %s | %s | %s | %s | %s |\n", set, d, med, p90, p99, max, rps}' "$work/r"
    done
done
echo
echo "short: one condition; typical: the ten rules of bench/compile/typical.txt (2 to 4"
echo "conditions, behaviors with windows, filters and measures, a segment); fifty: one"
echo "rule of 50 conditions. Peak memory of the whole process stays under"
echo "$(awk '/^peak/ {print $3}' "$work/r") KiB."
echo
echo "### Each typical rule (Snowflake, through the library)"
echo
echo "| # | rule | SQL bytes | median µs | p99 µs | max µs |"
echo "| ---: | --- | ---: | ---: | ---: | ---: |"
"$work/compile_bench" $model $dir/typical.txt snowflake "$ITERATIONS" >"$work/r"
awk 'NR == FNR { text[FNR] = $0; next }
     /^rule [0-9]+:/ { i = $2 + 0; printf "| %d | `%s` | %s | %s | %s | %s |\n", i, text[i], $10, $4, $6, $8 }' \
    $dir/typical.txt "$work/r"
echo
echo "### Many rules through one process: \`casc compile --each-line\`"
echo
for i in $(seq 1000); do cat $dir/typical.txt; done >"$work/many.txt"
start=$(date +%s.%N)
build/casc compile --model $model --now $now --each-line -f "$work/many.txt" >/dev/null
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" 'BEGIN {
    t = e - s; printf "10,000 typical rules in %.3f s: %.1f µs per rule, %.0f rules/s (model load and output included)\n", t, t * 1e6 / 10000, 10000 / t }'
echo
echo "### Growth with rule size (one rule, fresh process per size)"
echo
echo "| rule bytes | SQL bytes | seconds | µs per KB | peak memory KiB | peak / rule size |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: |"
for mb in 1 2 4 8 10; do
    "$work/compile_bench" $model --big $((mb * 1000000)) >"$work/r"
    awk '{
        gsub(/,/, "");
        rule = $2; sql = $5; secs = $7; peak = $11;
        printf "| %d | %d | %.3f | %.2f | %d | %.1f× |\n", rule, sql, secs, secs * 1e6 / (rule / 1000), peak, peak * 1024 / rule }' "$work/r"
done
echo
echo "### Beside other SQL compilers (same machine, same rules' shape)"
echo
"$work/compile_bench" $model $dir/typical.txt snowflake $((ITERATIONS / 10)) >"$work/r"
casc_med=$(awk '/^latency/ {print $4}' "$work/r")
build/casc compile --model $model --now $now --each-line -f $dir/typical.txt >"$work/typical.sql"
sqlglot=$(/usr/bin/python3 $dir/peers_sqlglot.py "$work/typical.sql" 50)
[ -d $dir/node_modules/prqlc ] || (cd $dir && npm install --silent --no-audit --no-fund prqlc@0.13 >/dev/null)
prqlc=$(cd $dir && node peers_prqlc.mjs 200)
echo "| tool | what | median µs |"
echo "| --- | --- | ---: |"
echo "| casc (libcasc) | compile each typical rule, text to Snowflake SQL | $casc_med |"
echo "$sqlglot" | /usr/bin/python3 -c 'import json,sys; j=json.load(sys.stdin); print("| %s | %s | %.0f |" % (j["tool"], j["what"], j["median_us"]))'
echo "$prqlc" | /usr/bin/python3 -c 'import json,sys; j=json.load(sys.stdin); print("| %s | %s | %.0f |" % (j["tool"], j["what"], j["median_us"]))'
} | tee $out
