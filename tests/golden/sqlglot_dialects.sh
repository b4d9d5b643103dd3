#!/bin/sh
# Every statement casc emits for Snowflake, Databricks and PostgreSQL parses
# with sqlglot in that dialect (tests/sqlglot_parse.py). The rules are
# tests/dialects/rules.casc (one per line: every condition kind, window,
# event-time storage) and multiline.casc (strings across lines), against
# tests/dialects/model.yaml, compiled with several zones, pinned and
# unpinned "now", and both selects. Skipped when sqlglot is missing.
cd "$(dirname "$0")/../.." || exit 2
. tests/lib/golden.sh
golden_init "sqlglot dialects"

py=$(golden_sqlglot_python) ||
    golden_skip "no python3 module sqlglot (apt-get install python3-sqlglot)"

model=tests/dialects/model.yaml
n=0
for dialect in snowflake databricks postgres; do
    mkdir "$tmp/$dialect"
    for opts in "--now 2026-03-30T12:00:00Z" \
        "--now 2026-03-30T12:00:00Z --timezone Europe/Berlin" \
        "--timezone America/New_York" \
        "--now 2026-03-29T01:30:00.25Z --timezone Asia/Kolkata --select count"; do
        n=$((n + 1))
        # shellcheck disable=SC2086
        if ! "$CASC" compile --model "$model" --dialect "$dialect" $opts --each-line \
            -f tests/dialects/rules.casc >"$tmp/all" 2>"$tmp/err"; then
            golden_fail "$dialect $opts" "casc: $(head -c 300 "$tmp/err")"
            continue
        fi
        awk -v p="$tmp/$dialect/$n." '
            BEGIN { i = 1; f = sprintf("%s%03d.sql", p, i) }
            /^;$/ { close(f); i++; f = sprintf("%s%03d.sql", p, i); next }
            { print > f }' "$tmp/all"
        # shellcheck disable=SC2086
        if ! "$CASC" compile --model "$model" --dialect "$dialect" $opts \
            -f tests/dialects/multiline.casc >"$tmp/multiline.sql" 2>"$tmp/err"; then
            golden_fail "$dialect $opts multiline.casc" "casc: $(head -c 300 "$tmp/err")"
            continue
        fi
        mv "$tmp/multiline.sql" "$tmp/$dialect/$n.multiline.sql"
    done
    set -- "$tmp/$dialect"/*.sql
    [ -f "$1" ] || continue # nothing compiled (each failure is counted)
    files=$#
    "$py" tests/sqlglot_parse.py "$dialect" "$@" >"$tmp/bad" 2>"$tmp/err"
    status=$?
    bad=$(wc -l <"$tmp/bad")
    while IFS= read -r line; do
        golden_fail "$dialect" "$line"
        sed 's/^/    /' "${line%%: *}" | head -20
    done <"$tmp/bad"
    # A failure that names no file (a usage error, a crash) is one more.
    if [ $status -ne 0 ] && [ "$bad" -eq 0 ]; then
        golden_fail "$dialect" "tests/sqlglot_parse.py exit $status: $(head -c 500 "$tmp/err")"
        continue
    fi
    golden_pass_many $((files - bad))
done

golden_done
