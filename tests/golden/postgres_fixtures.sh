#!/bin/sh
# The PostgreSQL SQL of every golden case, run on a real PostgreSQL 15
# (tests/lib/pg.sh starts a private one) over sql-fixtures/data.sql, selects
# exactly the profiles in NAME.expect: the member keys, one per line in byte
# order, or the count for `--select count`. The expectations are worked out
# by hand from the spec, not taken from casc. The server's session zone is
# deliberately not UTC, so SQL that leans on it shows up.
cd "$(dirname "$0")/../.." || exit 2
. tests/lib/golden.sh
. tests/lib/fixtures.sh
. tests/lib/pg.sh
golden_init "postgres-fixtures"
golden_at_exit=pg_stop
golden_update= # the expectations are written by hand

PG_TIMEZONE=${PG_TIMEZONE:-Asia/Kathmandu}
pg_start || golden_abort "PostgreSQL" "no server (see above)"
if ! pg_psql -f "$FIXTURE_DIR/data.sql" >"$tmp/load" 2>&1; then
    golden_abort "$FIXTURE_DIR/data.sql" "does not load: $(cat "$tmp/load")"
fi
PGOPTIONS='-c statement_timeout=20s'
export PGOPTIONS

for src in "$FIXTURE_DIR"/*.casc; do
    name=${src%.casc}
    [ -f "$name.err" ] && continue
    if [ ! -f "$name.expect" ]; then
        golden_fail "$src" "no $name.expect"
        continue
    fi
    if ! fixture_compile "$src" postgres >"$tmp/sql" 2>"$tmp/err"; then
        golden_fail "$src" "does not compile: $(head -c 300 "$tmp/err")"
        continue
    fi
    if ! pg_psql -f "$tmp/sql" >"$tmp/rows" 2>"$tmp/err"; then
        golden_fail "$src" "PostgreSQL: $(head -c 600 "$tmp/err")"
        continue
    fi
    LC_ALL=C sort "$tmp/rows" >"$tmp/got"
    golden_same "$src" "$name.expect" "$tmp/got" "the profiles PostgreSQL selects"
done

golden_done
