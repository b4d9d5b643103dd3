#!/bin/sh
# Injection safety (tests/injection.py): any text used as a string value
# comes out as literals with exactly that value and changes nothing else in
# the statement, and odd model names come out as correctly quoted
# identifiers, in every dialect: decoded by each dialect's documented rules,
# parsed with sqlglot, and on PostgreSQL (a private server, tests/lib/pg.sh)
# executed against tables holding those texts and named with those names.
# The hand-picked nasty texts and names, plus random ones:
#   CASC_INJECTION_SEED (default 1), CASC_INJECTION_COUNT (default 3000
#   texts), CASC_INJECTION_NAMES (default 200 names).
# Without a PostgreSQL server the SQL is only parsed (and the suite says so).
cd "$(dirname "$0")/../.." || exit 2
. tests/lib/golden.sh
golden_init "injection"
. tests/lib/pg.sh
golden_at_exit=pg_stop

py=$(golden_sqlglot_python) ||
    golden_abort "sqlglot" "no python3 with sqlglot (install python3-sqlglot: sh scripts/install-deps.sh)"

psql=
if pg_usable; then
    pg_start || golden_abort "PostgreSQL" "the server did not start"
    psql=$PG_BIN/psql
else
    echo "injection: PostgreSQL not run: $pg_problem"
fi

"$py" tests/injection.py "$CASC" --seed "${CASC_INJECTION_SEED:-1}" \
    --count "${CASC_INJECTION_COUNT:-3000}" --names "${CASC_INJECTION_NAMES:-200}" \
    ${psql:+--psql "$psql"} >"$tmp/out" 2>&1
rc=$?
grep -v '^injection: [0-9]* passed' "$tmp/out"
line=$(sed -n 's/^injection: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$tmp/out")
if [ -z "$line" ]; then
    golden_fail "tests/injection.py" "no summary (exit $rc)"
else
    golden_pass_many "${line% *}"
    golden_failed=$((golden_failed + ${line#* }))
    [ "$rc" -eq 0 ] || [ "${line#* }" -gt 0 ] || golden_fail "tests/injection.py" "exit $rc"
fi
golden_done
