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
CASC=${CASC:-build/casc}
. tests/lib/fixtures.sh
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0 updated=0

fail() {
    echo "FAIL $1: $2"
    failed=$((failed + 1))
}

# check EXPECTED ACTUAL WHAT: compare (or, with UPDATE, rewrite) one file.
check() {
    if [ -n "$UPDATE" ] && ! cmp -s "$1" "$2"; then
        cp "$2" "$1" && updated=$((updated + 1))
    fi
    if [ ! -f "$1" ]; then
        fail "$3" "no expected file $1 (UPDATE=1 writes it)"
    elif ! cmp -s "$1" "$2"; then
        fail "$3" "differs from $1"
        diff -u --label "$1" --label "casc output" "$1" "$2"
    else
        passed=$((passed + 1))
    fi
}

for src in "$FIXTURE_DIR"/*.casc; do
    [ -f "$src" ] || continue
    name=${src%.casc}
    for d in $FIXTURE_DIALECTS; do
        fixture_compile "$src" "$d" >"$tmp/out" 2>"$tmp/err"
        rc=$?
        if [ -f "$name.err" ]; then
            if [ $rc -ne 1 ]; then
                fail "$src ($d)" "exit $rc, expected 1 (an error case: $name.err)"
            elif [ -s "$tmp/out" ]; then
                fail "$src ($d)" "an error case wrote to standard output"
            else
                check "$name.err" "$tmp/err" "$src ($d)"
            fi
        elif [ $rc -ne 0 ] || [ -s "$tmp/err" ]; then
            fail "$src ($d)" "exit $rc: $(head -c 400 "$tmp/err")"
        else
            check "$name.$d.sql" "$tmp/out" "$src ($d)"
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
    [ -f "$base.casc" ] || fail "$f" "no case $base.casc for it"
done

[ -n "$UPDATE" ] && echo "sql-fixtures: rewrote $updated files; review: git diff $FIXTURE_DIR"
echo "sql-fixtures: $passed passed, $failed failed"
[ $failed -eq 0 ]
