#!/bin/sh
# Golden SQL: every sql-fixtures/NAME.casc compiles, for each dialect D, to
# exactly NAME.D.sql (see tests/lib/fixtures.sh for options and --now). A
# case with NAME.err must instead fail (exit 1, nothing on standard output)
# with exactly that on standard error, in every dialect. Each difference is
# printed as a unified diff.
#
# UPDATE=1 (make accept-fixtures) rewrites the expected files from casc's
# current output, creating missing ones: review `git diff sql-fixtures`
# before committing. Whether a case is an error case is decided by hand:
# create or delete NAME.err (UPDATE fills in its text).
cd "$(dirname "$0")/../.." || exit 2
. tests/lib/golden.sh
. tests/lib/fixtures.sh
golden_init "sql-fixtures"

for src in "$FIXTURE_DIR"/*.casc; do
    [ -f "$src" ] || continue
    name=${src%.casc}
    for d in $FIXTURE_DIALECTS; do
        golden_run fixture_compile "$src" "$d"
        if [ -f "$name.err" ]; then
            golden_expect_error "$src ($d)" "$name.err"
        else
            golden_expect_output "$src ($d)" "$name.$d.sql"
        fi
    done
done

# Expected files whose case is gone.
for f in "$FIXTURE_DIR"/*.sql "$FIXTURE_DIR"/*.err "$FIXTURE_DIR"/*.expect; do
    [ -f "$f" ] || continue
    case $f in "$FIXTURE_DIR"/data.sql) continue ;; esac
    base=${f%.*}
    base=${base%.snowflake}
    base=${base%.databricks}
    base=${base%.postgres}
    [ -f "$base.casc" ] || golden_fail "$f" "no case $base.casc for it"
done

golden_done
