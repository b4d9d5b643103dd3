#!/bin/sh
# Golden tests of `casc fmt`: every tests/fmt/NAME.casc formats (exit 0,
# nothing on standard error) to exactly NAME.fmt, which formats to itself.
# UPDATE=1 rewrites the .fmt files from the current output instead (review
# the diff).
cd "$(dirname "$0")/../.." || exit 2
. tests/lib/golden.sh
golden_init "fmt golden"

# formats_to_itself FILE
formats_to_itself() {
    "$CASC" fmt -f "$1" >"$tmp/again" 2>/dev/null && cmp -s "$1" "$tmp/again"
}

for src in tests/fmt/*.casc; do
    [ -e "$src" ] || { golden_fail "$src" "no fixtures"; continue; }
    name=${src%.casc}
    golden_run "$CASC" fmt -f "$src"
    # Output that is right (or that UPDATE keeps) must format to itself.
    if [ $rc -eq 0 ] && { [ -n "$UPDATE" ] || cmp -s "$tmp/out" "$name.fmt"; } &&
        ! formats_to_itself "$tmp/out"; then
        golden_fail "$name.fmt" "does not format to itself"
        continue
    fi
    golden_expect_output "$src" "$name.fmt"
done

golden_done
