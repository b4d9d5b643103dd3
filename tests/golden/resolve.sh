#!/bin/sh
# Golden tests of name resolution and type checking (docs/names-and-types.md).
#
# tests/resolve/NAME.casc: `casc check --model MODEL -f NAME.casc` exits 1,
#   prints nothing on standard output and exactly NAME.err on standard
#   error. MODEL is named by a first line `-- model: PATH`, else it is
#   examples/retail.yaml. UPDATE=1 rewrites the .err files from the current
#   output instead (review the diff).
# tests/resolve/valid*.txt: every line but blank ones and `--` comments is a
#   rule that `casc check` accepts: exit 0, no output at all. A first line
#   `-- model: PATH` picks the model; without one each rule is checked
#   against examples/retail.yaml and examples/retail.json.
# tests/resolve/invalid*.txt: a rule on one line, then on the next `=> ` and
#   the first line `casc check` must print on standard error; exit 1, no
#   standard output. Same model line and default as valid*.txt.
cd "$(dirname "$0")/../.." || exit 2
. tests/lib/golden.sh
golden_init "resolve golden"

# The models a file is checked against: its `-- model:` line or the default.
models_of() {
    first=$(head -n 1 "$1")
    case $first in
    "-- model: "*) echo "${first#-- model: }" ;;
    *) echo "${2:-examples/retail.yaml examples/retail.json}" ;;
    esac
}

for src in tests/resolve/*.casc; do
    name=${src%.casc}
    model=$(models_of "$src" examples/retail.yaml)
    golden_run "$CASC" check --model "$model" -f "$src"
    golden_expect_error "$src" "$name.err"
done

for list in tests/resolve/valid*.txt; do
    for model in $(models_of "$list"); do
        n=0
        while IFS= read -r rule; do
            n=$((n + 1))
            case $rule in "" | --*) continue ;; esac
            golden_run "$CASC" check --model "$model" "$rule"
            if [ $rc -ne 0 ] || [ -s "$tmp/out" ] || [ -s "$tmp/err" ]; then
                golden_fail "$list:$n ($model)" "exit $rc: $rule"
                cat "$tmp/out" "$tmp/err" | head -5
            else
                golden_pass
            fi
        done <"$list"
    done
done

for list in tests/resolve/invalid*.txt; do
    for model in $(models_of "$list"); do
        n=0 rule= rule_line=0
        while IFS= read -r line; do
            n=$((n + 1))
            case $line in
            "" | --*) continue ;;
            "=> "*) ;;
            *)
                [ -n "$rule" ] && golden_fail "$list:$rule_line" "no '=> ' line after the rule"
                rule=$line rule_line=$n
                continue
                ;;
            esac
            golden_run "$CASC" check --model "$model" "$rule"
            got=$(head -n 1 "$tmp/err")
            if [ $rc -ne 1 ] || [ -s "$tmp/out" ]; then
                golden_fail "$list:$rule_line ($model)" "exit $rc: $rule"
            elif [ "$got" != "${line#=> }" ]; then
                golden_fail "$list:$rule_line ($model)" "$rule"
                echo "  want: ${line#=> }"
                echo "  got:  $got"
            else
                golden_pass
            fi
            rule=
        done <"$list"
        [ -n "$rule" ] && golden_fail "$list:$rule_line" "no '=> ' line after the rule"
    done
done

golden_done
