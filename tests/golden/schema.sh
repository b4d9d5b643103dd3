#!/bin/sh
# Golden tests of `casc schema`: examples/retail.yaml and examples/retail.json
# (the same model) both print exactly tests/schema/retail.txt, and with
# --format json exactly tests/schema/retail.json. Usage errors exit 2.
# UPDATE=1 rewrites the expected files from the YAML example's output
# instead (review the diff).
cd "$(dirname "$0")/../.." || exit 2
CASC=${CASC:-build/casc}
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

fail() {
    echo "FAIL $1: $2"
    failed=$((failed + 1))
}

if [ -n "$UPDATE" ]; then
    "$CASC" schema --model examples/retail.yaml >tests/schema/retail.txt
    "$CASC" schema --model examples/retail.yaml --format json >tests/schema/retail.json
fi

for model in examples/retail.yaml examples/retail.json; do
    for format in text json; do
        want=tests/schema/retail.txt
        [ $format = json ] && want=tests/schema/retail.json
        "$CASC" schema --model "$model" --format $format >"$tmp/out" 2>"$tmp/err"
        rc=$?
        if [ $rc -ne 0 ]; then
            fail "$model $format" "exit $rc, expected 0"
            cat "$tmp/err"
        elif [ -s "$tmp/err" ]; then
            fail "$model $format" "wrote to standard error"
        elif ! cmp -s "$tmp/out" "$want"; then
            fail "$model $format" "output differs from $want"
            diff "$want" "$tmp/out" | head -20
        else
            passed=$((passed + 1))
        fi
    done
done

# The model may come from standard input; its format is found by content.
"$CASC" schema --model - <examples/retail.json >"$tmp/out" 2>"$tmp/err"
if [ $? -eq 0 ] && cmp -s "$tmp/out" tests/schema/retail.txt; then
    passed=$((passed + 1))
else
    fail "--model -" "differs from tests/schema/retail.txt"
fi

# usage ARGS...: exits 2 with a message, nothing on standard output.
usage() {
    "$CASC" schema "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    if [ $rc -ne 2 ] || [ -s "$tmp/out" ] || ! [ -s "$tmp/err" ]; then
        fail "schema $*" "exit $rc, expected 2 with a message on standard error only"
    else
        passed=$((passed + 1))
    fi
}
usage
usage --format json
usage --model examples/retail.yaml --format xml
usage --model examples/retail.yaml extra
usage --model
usage --modle examples/retail.yaml

"$CASC" schema --help >"$tmp/out" 2>"$tmp/err"
if [ $? -eq 0 ] && grep -q "usage: casc schema" "$tmp/out"; then
    passed=$((passed + 1))
else
    fail "schema --help" "no usage on standard output"
fi

echo "schema golden: $passed passed, $failed failed"
[ $failed -eq 0 ]
