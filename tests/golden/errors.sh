#!/bin/sh
# Golden tests of syntax errors: `casc fmt -f tests/errors/NAME.casc` exits 1,
# prints nothing on standard output and exactly NAME.err on standard error.
# A NAME starting with "stdin-" is piped to `casc fmt` instead, so its
# messages name <stdin>. UPDATE=1 rewrites the .err files from the current
# output instead (review the diff).
cd "$(dirname "$0")/../.." || exit 2
CASC=${CASC:-build/casc}
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

fail() {
    echo "FAIL $1: $2"
    failed=$((failed + 1))
}

for src in tests/errors/*.casc; do
    [ -e "$src" ] || { fail "$src" "no fixtures"; continue; }
    name=${src%.casc}
    case ${name##*/} in
    stdin-*) "$CASC" fmt <"$src" >"$tmp/out" 2>"$tmp/err" ;;
    *) "$CASC" fmt -f "$src" >"$tmp/out" 2>"$tmp/err" ;;
    esac
    rc=$?
    if [ -n "$UPDATE" ]; then
        cp "$tmp/err" "$name.err"
    fi
    if [ $rc -ne 1 ]; then
        fail "$src" "exit $rc, expected 1"
    elif [ -s "$tmp/out" ]; then
        fail "$src" "wrote to standard output"
    elif ! cmp -s "$tmp/err" "$name.err"; then
        fail "$src" "standard error differs from $name.err"
        diff "$name.err" "$tmp/err" | head -20
    else
        passed=$((passed + 1))
    fi
done

echo "errors golden: $passed passed, $failed failed"
[ $failed -eq 0 ]
