#!/bin/sh
# Golden tests of `casc schema`: examples/retail.yaml and examples/retail.json
# (the same model) both print exactly tests/schema/retail.txt, and with
# --format json exactly tests/schema/retail.json. Usage errors exit 2.
# UPDATE=1 rewrites the expected files from the YAML example's output
# instead (review the diff).
cd "$(dirname "$0")/../.." || exit 2
. tests/lib/golden.sh
golden_init "schema golden"

for model in examples/retail.yaml examples/retail.json; do
    for format in text json; do
        want=tests/schema/retail.txt
        [ $format = json ] && want=tests/schema/retail.json
        golden_run "$CASC" schema --model "$model" --format $format
        golden_expect_output "$model $format" "$want"
    done
    golden_update= # the YAML example's output is the one to keep
done

# The model may come from standard input; its format is found by content.
golden_run "$CASC" schema --model - <examples/retail.json
golden_expect_output "--model -" tests/schema/retail.txt

# usage ARGS...: exits 2 with a message, nothing on standard output.
usage() {
    golden_run "$CASC" schema "$@"
    if [ $rc -ne 2 ] || [ -s "$tmp/out" ] || ! [ -s "$tmp/err" ]; then
        golden_fail "schema $*" "exit $rc, expected 2 with a message on standard error only"
    else
        golden_pass
    fi
}
usage
usage --format json
usage --model examples/retail.yaml --format xml
usage --model examples/retail.yaml extra
usage --model
usage --modle examples/retail.yaml

golden_run "$CASC" schema --help
if [ $rc -eq 0 ] && grep -q "usage: casc schema" "$tmp/out"; then
    golden_pass
else
    golden_fail "schema --help" "no usage on standard output"
fi

golden_done
