#!/bin/sh
# Golden tests of model errors: for every tests/models/FILE (.yaml, .yml or
# .json), `casc schema --model tests/models/FILE` exits 1, prints nothing on
# standard output and exactly tests/models/FILE.err on standard error.
# Two more cases: a model file that does not exist, and a directory.
# UPDATE=1 rewrites the .err files from the current output instead (review
# the diff).
cd "$(dirname "$0")/../.." || exit 2
CASC=${CASC:-build/casc}
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

fail() {
    echo "FAIL $1: $2"
    failed=$((failed + 1))
}

# check NAME EXPECTED_ERR_FILE: the last run failed as that file says.
check() {
    if [ $rc -ne 1 ]; then
        fail "$1" "exit $rc, expected 1"
    elif [ -s "$tmp/out" ]; then
        fail "$1" "wrote to standard output"
    elif ! cmp -s "$tmp/err" "$2"; then
        fail "$1" "standard error differs from $2"
        diff "$2" "$tmp/err" | head -20
    else
        passed=$((passed + 1))
    fi
}

for model in tests/models/*.yaml tests/models/*.yml tests/models/*.json; do
    [ -f "$model" ] || continue
    "$CASC" schema --model "$model" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    [ -n "$UPDATE" ] && cp "$tmp/err" "$model.err"
    check "$model" "$model.err"
done

"$CASC" schema --model tests/models/no-such-model.yaml >"$tmp/out" 2>"$tmp/err"
rc=$?
printf '%s\n' "tests/models/no-such-model.yaml: error: cannot open: No such file or directory" \
    >"$tmp/want"
check "missing file" "$tmp/want"

"$CASC" schema --model tests/models >"$tmp/out" 2>"$tmp/err"
rc=$?
printf '%s\n' "tests/models: error: is a directory, not a file" >"$tmp/want"
check "directory" "$tmp/want"

echo "models golden: $passed passed, $failed failed"
[ $failed -eq 0 ]
