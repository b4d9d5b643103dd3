#!/bin/sh
# Golden tests of syntax errors: `casc fmt -f tests/errors/NAME.casc` exits 1,
# prints nothing on standard output and exactly NAME.err on standard error.
# A NAME starting with "stdin-" is piped to `casc fmt` instead, so its
# messages name <stdin>. UPDATE=1 rewrites the .err files from the current
# output instead (review the diff).
cd "$(dirname "$0")/../.." || exit 2
. tests/lib/golden.sh
golden_init "errors golden"

for src in tests/errors/*.casc; do
    [ -e "$src" ] || { golden_fail "$src" "no fixtures"; continue; }
    name=${src%.casc}
    case ${name##*/} in
    stdin-*) golden_run "$CASC" fmt <"$src" ;;
    *) golden_run "$CASC" fmt -f "$src" ;;
    esac
    golden_expect_error "$src" "$name.err"
done

golden_done
