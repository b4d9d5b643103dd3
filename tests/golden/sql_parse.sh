#!/bin/sh
# The Snowflake and Databricks SQL of every golden case parses with sqlglot
# in its dialect (tests/sqlglot_parse.py; Debian's python3-sqlglot). The
# SQL is compiled afresh, so this checks casc, not only the stored files.
cd "$(dirname "$0")/../.." || exit 2
. tests/lib/golden.sh
. tests/lib/fixtures.sh
golden_init "sql-parse"

py=$(golden_sqlglot_python) ||
    golden_abort "sqlglot" "no python3 with sqlglot (install python3-sqlglot: sh scripts/install-deps.sh)"

for d in snowflake databricks; do
    mkdir "$tmp/$d"
    files=
    for src in "$FIXTURE_DIR"/*.casc; do
        name=${src%.casc}
        [ -f "$name.err" ] && continue
        out="$tmp/$d/${name##*/}.sql"
        if ! fixture_compile "$src" "$d" >"$out" 2>"$tmp/err"; then
            golden_fail "$src ($d)" "does not compile: $(head -c 300 "$tmp/err")"
            continue
        fi
        files="$files $out"
    done
    [ -n "$files" ] || continue
    # One process for all; on failure, one per file to name each.
    # shellcheck disable=SC2086
    if "$py" tests/sqlglot_parse.py "$d" $files 2>"$tmp/err"; then
        golden_pass_many "$(echo $files | wc -w)"
        continue
    fi
    for f in $files; do
        if "$py" tests/sqlglot_parse.py "$d" "$f" >"$tmp/err" 2>&1; then
            golden_pass
        else
            golden_fail "$FIXTURE_DIR/$(basename "$f" .sql).casc ($d)" "sqlglot: $(head -c 500 "$tmp/err")"
        fi
    done
done

golden_done
