#!/bin/sh
# The PostgreSQL SQL of every golden case, run on a real PostgreSQL 15
# (tests/lib/pg.sh starts a private one) over sql-fixtures/data.sql, selects
# exactly the profiles in NAME.expect: the member keys, one per line in byte
# order, or the count for `--select count`. The expectations are worked out
# by hand from the spec, not taken from casc. The server's session zone is
# deliberately not UTC, so SQL that leans on it shows up.
cd "$(dirname "$0")/../.." || exit 2
CASC=${CASC:-build/casc}
. tests/lib/fixtures.sh
. tests/lib/pg.sh
tmp=$(mktemp -d) || exit 2
trap 'pg_stop; rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
passed=0 failed=0

fail() {
    echo "FAIL $1: $2"
    failed=$((failed + 1))
}

PG_TIMEZONE=${PG_TIMEZONE:-Asia/Kathmandu}
if ! pg_start; then
    echo "postgres-fixtures: 0 passed, 1 failed"
    exit 1
fi
if ! pg_psql -f "$FIXTURE_DIR/data.sql" >"$tmp/load" 2>&1; then
    cat "$tmp/load"
    echo "postgres-fixtures: 0 passed, 1 failed"
    exit 1
fi
PGOPTIONS='-c statement_timeout=20s'
export PGOPTIONS

for src in "$FIXTURE_DIR"/*.casc; do
    name=${src%.casc}
    [ -f "$name.err" ] && continue
    if [ ! -f "$name.expect" ]; then
        fail "$src" "no $name.expect"
        continue
    fi
    if ! fixture_compile "$src" postgres >"$tmp/sql" 2>"$tmp/err"; then
        fail "$src" "does not compile: $(head -c 300 "$tmp/err")"
        continue
    fi
    if ! pg_psql -f "$tmp/sql" >"$tmp/rows" 2>"$tmp/err"; then
        fail "$src" "PostgreSQL: $(head -c 600 "$tmp/err")"
        continue
    fi
    LC_ALL=C sort "$tmp/rows" >"$tmp/got"
    if ! cmp -s "$name.expect" "$tmp/got"; then
        fail "$src" "selects other profiles than $name.expect"
        diff -u --label "$name.expect" --label "PostgreSQL" "$name.expect" "$tmp/got"
    else
        passed=$((passed + 1))
    fi
done

echo "postgres-fixtures: $passed passed, $failed failed"
[ $failed -eq 0 ]
