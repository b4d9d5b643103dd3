#!/bin/sh
# Every statement casc emits for Snowflake, Databricks and PostgreSQL parses
# with sqlglot in that dialect (tests/sqlglot_parse.py). The rules are
# tests/dialects/rules.casc (one per line: every condition kind, window,
# event-time storage) and multiline.casc (strings across lines), against
# tests/dialects/model.yaml, compiled with several zones, pinned and
# unpinned "now", and both selects. Skipped when sqlglot is missing.
cd "$(dirname "$0")/../.." || exit 2
CASC=${CASC:-build/casc}
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
suite="sqlglot dialects"

have_sqlglot=
for py in python3 /usr/bin/python3; do
    "$py" -c 'import sqlglot' 2>/dev/null && have_sqlglot=1 && break
done
if [ -z "$have_sqlglot" ]; then
    echo "$suite: skipped, no python3 module sqlglot (apt-get install python3-sqlglot)"
    echo "$suite: 0 passed, 0 failed"
    exit 0
fi

model=tests/dialects/model.yaml
n=0
for dialect in snowflake databricks postgres; do
    for opts in "--now 2026-03-30T12:00:00Z" \
        "--now 2026-03-30T12:00:00Z --timezone Europe/Berlin" \
        "--timezone America/New_York" \
        "--now 2026-03-29T01:30:00.25Z --timezone Asia/Kolkata --select count"; do
        n=$((n + 1))
        # shellcheck disable=SC2086
        if ! "$CASC" compile --model "$model" --dialect "$dialect" $opts --each-line \
            -f tests/dialects/rules.casc >"$tmp/all" 2>"$tmp/err"; then
            echo "FAIL $dialect $opts: casc: $(head -c 300 "$tmp/err")"
            failed=$((failed + 1))
            continue
        fi
        mkdir -p "$tmp/$dialect"
        awk -v p="$tmp/$dialect/$n." '
            BEGIN { i = 1; f = sprintf("%s%03d.sql", p, i) }
            /^;$/ { close(f); i++; f = sprintf("%s%03d.sql", p, i); next }
            { print > f }' "$tmp/all"
        # shellcheck disable=SC2086
        if ! "$CASC" compile --model "$model" --dialect "$dialect" $opts \
            -f tests/dialects/multiline.casc >"$tmp/$dialect/$n.multiline.sql" 2>"$tmp/err"; then
            echo "FAIL $dialect $opts multiline.casc: casc: $(head -c 300 "$tmp/err")"
            failed=$((failed + 1))
        fi
    done
    files=$(ls "$tmp/$dialect"/*.sql | wc -l)
    python3 tests/sqlglot_parse.py "$dialect" "$tmp/$dialect"/*.sql >"$tmp/bad"
    bad=$(wc -l <"$tmp/bad")
    while IFS= read -r line; do
        echo "FAIL $dialect: $line"
        sed 's/^/    /' "${line%%: *}" | head -20
    done <"$tmp/bad"
    passed=$((passed + files - bad))
    failed=$((failed + bad))
done

echo "$suite: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
