#!/bin/sh
# bench/sql/run.sh - time casc's SQL against a subquery-per-condition baseline
# on PostgreSQL and DuckDB (BENCHMARKS.md, "SQL benchmarks").
#
#   sh bench/sql/run.sh [--scale S] [--seed N] [--runs R] [--engines "postgres duckdb"]
#                       [--rules PATTERN]
#
# --scale 1 (the default) is 1M profiles and 20M events; --scale 0.01 runs in
# well under a minute. --runs: timed runs per query after one warm-up (the
# median is reported; default 3). --rules: only the rules whose file name
# holds PATTERN. Steps, each skipped when its result is already there:
#   1. bench/sql/setup.sh: PostgreSQL, node and @duckdb/node-api;
#   2. build casc (make) and work/gen_data (cc -O2);
#   3. generate the data set as CSV into work/data-sS-seedN/;
#   4. a private PostgreSQL server (data in work/pg/, socket only, started for
#      this run and stopped at its end), one database per scale and seed,
#      loaded with COPY, indexed (pg_indexes.sql) and analyzed;
#   5. a DuckDB database file work/duckdb-sS-seedN.duckdb loaded from the
#      same CSV; both engines' fingerprint.sql must agree;
#   6. bench.mjs: compile each rules/NN-name.casc with casc, run it and
#      rules/NN-name.baseline.sql on both engines, check that both return
#      the same profiles, count the scans of each table (EXPLAIN), time them
#      and write results/scale-S.{md,json}.
# rm -rf bench/sql/work to start from scratch.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$here/work

scale=1
seed=1
runs=3
engines="postgres duckdb"
rules=
while [ $# -gt 0 ]; do
    case $1 in
    --scale) scale=${2:?--scale needs a value}; shift 2 ;;
    --seed) seed=${2:?--seed needs a value}; shift 2 ;;
    --runs) runs=${2:?--runs needs a value}; shift 2 ;;
    --engines) engines=${2:?--engines needs a value}; shift 2 ;;
    --rules) rules=${2:?--rules needs a value}; shift 2 ;;
    -h | --help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
    esac
done
case $scale in *[!0-9.]* | '' | .* | *.*.*) echo "run.sh: bad --scale '$scale'" >&2; exit 2 ;; esac
case $seed in *[!0-9]* | '') echo "run.sh: bad --seed '$seed'" >&2; exit 2 ;; esac
case $runs in *[!0-9]* | '' | 0) echo "run.sh: bad --runs '$runs'" >&2; exit 2 ;; esac
for e in $engines; do
    case $e in postgres | duckdb) ;; *) echo "run.sh: unknown engine '$e'" >&2; exit 2 ;; esac
done

say() { printf '%s run.sh: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
elapsed() { echo $(($(date +%s) - $1))s; }

# 1. tools
if [ ! -d "$here/node_modules/@duckdb/node-api" ] || ! command -v node >/dev/null ||
    [ ! -x /usr/lib/postgresql/15/bin/initdb ]; then
    sh "$here/setup.sh"
fi
mkdir -p "$work" "$here/results"

# 2. programs
if [ ! -x "$root/build/casc" ]; then
    say "building casc"
    make -C "$root" -j2 >/dev/null
fi
cc -std=c11 -O2 -Wall -Wextra -o "$work/gen_data" "$here/gen_data.c" -lm

# 3. data; a change to the generator or the schema makes it anew and reloads
# both engines
tag=s$scale-seed$seed
data=$work/data-$tag
version=$(cat "$here/gen_data.c" "$here/schema.sql" "$here/pg_indexes.sql" | cksum | cut -d' ' -f1)
if [ "$(cat "$data/.done" 2>/dev/null)" != "$version" ]; then
    say "generating the data set (scale $scale, seed $seed) into $data"
    t0=$(date +%s)
    rm -rf "$data"
    mkdir -p "$data"
    "$work/gen_data" --scale "$scale" --seed "$seed" --out "$data"
    echo "$version" >"$data/.done"
    say "generated in $(elapsed "$t0"): $(du -sh "$data" | cut -f1)"
fi
chmod -R a+rX "$data"

# 4. PostgreSQL
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
pgdir=$work/pg
as_owner() {
    if [ "$(id -u)" -ne 0 ]; then "$@"; else runuser -u postgres -- "$@"; fi
}
pg_stop() {
    if [ -f "$pgdir/data/postmaster.pid" ]; then
        as_owner "$PG_BIN/pg_ctl" -D "$pgdir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
}
psql_q() { "$PG_BIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }
db=bench_$(echo "$tag" | tr '.-' '__')
case " $engines " in *" postgres "*)
    if [ ! -f "$pgdir/data/PG_VERSION" ]; then
        rm -rf "$pgdir"
        mkdir -p "$pgdir"
        [ "$(id -u)" -eq 0 ] && chown postgres "$pgdir"
        as_owner "$PG_BIN/initdb" -D "$pgdir/data" -U postgres -A trust -E UTF8 --locale=C \
            --no-sync >"$pgdir/initdb.log" 2>&1 || { cat "$pgdir/initdb.log" >&2; exit 1; }
    fi
    # Settings for this machine (2 cores, 24 GiB shared with other work),
    # as pgtune suggests for a data warehouse of that size; durability off,
    # which only speeds up the load. JIT off: on, it compiles for 100-200 ms
    # whenever a plan's estimated cost passes jit_above_cost, which the
    # correlated subplans of the baselines do, so it would charge the
    # baseline for a compile rather than for its plan. PG_SETTINGS adds or
    # overrides settings ("-c jit=on").
    pg_stop
    as_owner "$PG_BIN/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -t 120 -o "-k $pgdir \
        -c listen_addresses= -p 5432 -c TimeZone=UTC \
        -c shared_buffers=2GB -c effective_cache_size=12GB -c work_mem=256MB \
        -c maintenance_work_mem=1GB -c max_worker_processes=2 -c max_parallel_workers=2 \
        -c max_parallel_workers_per_gather=1 -c max_parallel_maintenance_workers=1 \
        -c random_page_cost=1.1 -c effective_io_concurrency=200 \
        -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_wal_size=8GB \
        -c jit=off ${PG_SETTINGS:-}" \
        start >"$pgdir/pg_ctl.log" 2>&1 || { tail -n 20 "$pgdir/server.log" >&2; exit 1; }
    trap 'pg_stop' EXIT
    trap 'exit 1' HUP INT TERM
    PGHOST=$pgdir PGPORT=5432 PGUSER=postgres PGDATABASE=postgres
    export PGHOST PGPORT PGUSER PGDATABASE
    unset PGPASSWORD PGSERVICE PGOPTIONS PGSSLMODE
    if [ "$(psql_q -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ] ||
        [ "$(psql_q -d "$db" -c "SELECT version FROM public.loaded" 2>/dev/null)" != "$version" ]; then
        say "loading PostgreSQL database $db"
        t0=$(date +%s)
        psql_q -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
        psql_q -d "$db" -f "$here/schema.sql"
        for t in crm.customers analytics.customer_scores crm.suppression_list \
            events.purchases events.page_views events.email_opens; do
            psql_q -d "$db" -c "\\copy $t FROM '$data/${t#*.}.csv' (FORMAT csv)"
        done
        say "copied in $(elapsed "$t0"); indexing and analyzing"
        psql_q -d "$db" -f "$here/pg_indexes.sql"
        psql_q -d "$db" -c "CREATE TABLE public.loaded AS SELECT text '$version' AS version"
        say "PostgreSQL loaded in $(elapsed "$t0")"
    fi
    PGDATABASE=$db
    ;;
esac

# 5 and 6. DuckDB and the benchmark
duck=$work/duckdb-$tag.duckdb
set -- --scale "$scale" --seed "$seed" --runs "$runs" --engines "$engines" \
    --data "$data" --version "$version" --duckdb "$duck" --casc "$root/build/casc"
[ -n "$rules" ] && set -- "$@" --rules "$rules"
status=0
node "$here/bench.mjs" "$@" || status=$?
exit $status
