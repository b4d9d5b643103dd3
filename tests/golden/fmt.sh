#!/bin/sh
# Golden tests of `casc fmt`: every tests/fmt/NAME.casc formats (exit 0) to
# exactly NAME.fmt, and NAME.fmt formats to itself. UPDATE=1 rewrites the
# .fmt files from the current output instead (review the diff).
cd "$(dirname "$0")/../.." || exit 2
CASC=${CASC:-build/casc}
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

fail() {
    echo "FAIL $1: $2"
    failed=$((failed + 1))
}

for src in tests/fmt/*.casc; do
    [ -e "$src" ] || { fail "$src" "no fixtures"; continue; }
    name=${src%.casc}
    "$CASC" fmt -f "$src" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    if [ $rc -ne 0 ]; then
        fail "$src" "exit $rc: $(cat "$tmp/err")"
        continue
    fi
    if [ -n "$UPDATE" ]; then
        cp "$tmp/out" "$name.fmt"
    fi
    if ! cmp -s "$tmp/out" "$name.fmt"; then
        fail "$src" "output differs from $name.fmt"
        diff "$name.fmt" "$tmp/out" | head -20
        continue
    fi
    "$CASC" fmt -f "$name.fmt" >"$tmp/again" 2>"$tmp/err"
    if [ $? -ne 0 ] || ! cmp -s "$tmp/again" "$name.fmt"; then
        fail "$name.fmt" "does not format to itself"
        continue
    fi
    passed=$((passed + 1))
done

echo "fmt golden: $passed passed, $failed failed"
[ $failed -eq 0 ]
