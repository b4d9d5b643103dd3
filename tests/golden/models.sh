#!/bin/sh
# Golden tests of model errors: for every tests/models/FILE (.yaml, .yml or
# .json), `casc schema --model tests/models/FILE` exits 1, prints nothing on
# standard output and exactly tests/models/FILE.err on standard error.
# Two more cases: a model file that does not exist, and a directory.
# UPDATE=1 rewrites the .err files from the current output instead (review
# the diff).
cd "$(dirname "$0")/../.." || exit 2
. tests/lib/golden.sh
golden_init "models golden"

for model in tests/models/*.yaml tests/models/*.yml tests/models/*.json; do
    [ -f "$model" ] || continue
    golden_run "$CASC" schema --model "$model"
    golden_expect_error "$model" "$model.err"
done

# Messages written here, not files for UPDATE to rewrite.
golden_update=
golden_run "$CASC" schema --model tests/models/no-such-model.yaml
printf '%s\n' "tests/models/no-such-model.yaml: error: cannot open: No such file or directory" \
    >"$tmp/want"
golden_expect_error "missing file" "$tmp/want"

golden_run "$CASC" schema --model tests/models
printf '%s\n' "tests/models: error: is a directory, not a file" >"$tmp/want"
golden_expect_error "directory" "$tmp/want"

golden_done
