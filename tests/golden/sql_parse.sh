#!/bin/sh
# The Snowflake and Databricks SQL of every golden case parses with sqlglot
# in its dialect (tests/sqlglot_parse.py; Debian's python3-sqlglot). The
# SQL is compiled afresh, so this checks casc, not only the stored files.
cd "$(dirname "$0")/../.." || exit 2
CASC=${CASC:-build/casc}
. tests/lib/fixtures.sh
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

# A Python that has sqlglot: $PYTHON, else the system's (a python3 first on
# PATH, e.g. pyenv's, may lack Debian's packages).
py=
for p in ${PYTHON:-} /usr/bin/python3 python3; do
    if "$p" -c 'import sqlglot' >/dev/null 2>&1; then
        py=$p
        break
    fi
done
if [ -z "$py" ]; then
    echo "FAIL: no python3 with sqlglot (install python3-sqlglot: sh scripts/install-deps.sh)"
    echo "sql-parse: 0 passed, 1 failed"
    exit 1
fi

for d in snowflake databricks; do
    mkdir "$tmp/$d"
    files=
    for src in "$FIXTURE_DIR"/*.casc; do
        name=${src%.casc}
        [ -f "$name.err" ] && continue
        out="$tmp/$d/${name##*/}.sql"
        if ! fixture_compile "$src" "$d" >"$out" 2>"$tmp/err"; then
            echo "FAIL $src ($d): does not compile: $(head -c 300 "$tmp/err")"
            failed=$((failed + 1))
            continue
        fi
        files="$files $out"
    done
    [ -n "$files" ] || continue
    # One process for all; on failure, one per file to name each.
    # shellcheck disable=SC2086
    if "$py" tests/sqlglot_parse.py "$d" $files 2>"$tmp/err"; then
        passed=$((passed + $(echo $files | wc -w)))
        continue
    fi
    for f in $files; do
        if "$py" tests/sqlglot_parse.py "$d" "$f" >"$tmp/err" 2>&1; then
            passed=$((passed + 1))
        else
            echo "FAIL $FIXTURE_DIR/$(basename "$f" .sql).casc ($d): sqlglot: $(head -c 500 "$tmp/err")"
            failed=$((failed + 1))
        fi
    done
done

echo "sql-parse: $passed passed, $failed failed"
[ $failed -eq 0 ]
