#!/bin/sh
# Rules as JSON (docs/rule-json.md), over every rule of the golden suites:
# each sql-fixtures/NAME.casc that is not an error case, and each
# tests/fmt/NAME.casc. `casc fmt --to json` of the rule
#   1. is valid against docs/rule.schema.json (all of them checked in one
#      python3 with jsonschema, after the loop);
#   2. compiles (--from json) to exactly NAME.D.sql in every dialect, with
#      the case's options (sql-fixtures only);
#   3. formats (--from json) to exactly what `casc fmt` makes of the rule;
#   4. and that text written as JSON again is the same JSON.
# Then each tests/rule-json/NAME.json must fail (exit 1, nothing on standard
# output) with exactly NAME.err on standard error: under `casc fmt`, or
# for check-NAME under `casc check` with sql-fixtures/model.yaml.
# UPDATE=1 rewrites those .err files (review the diff); nothing else here
# is a file to rewrite.
cd "$(dirname "$0")/../.." || exit 2
. tests/lib/golden.sh
. tests/lib/fixtures.sh
golden_init "rule json"
update=$golden_update
golden_update=

# check_case SRC N: checks 2 to 4 of case SRC, its JSON kept as
# $jsons/N.json (and its name in N.name) for check 1.
check_case() {
    name=${1%.casc}
    json=$jsons/$2.json
    if ! "$CASC" fmt --to json -f "$1" >"$json" 2>"$tmp/err"; then
        golden_fail "$1" "fmt --to json: $(head -c 300 "$tmp/err")"
        rm -f "$json"
        return
    fi
    printf '%s\n' "$1" >"$jsons/$2.name"

    # 3, 4: the same rule, and the same JSON again.
    want=$name.fmt
    if [ ! -f "$want" ]; then
        "$CASC" fmt -f "$1" >"$tmp/want"
        want=$tmp/want
    fi
    golden_run "$CASC" fmt --from json -f "$json"
    golden_expect_output "$1 (JSON to rule)" "$want"
    mv "$tmp/out" "$tmp/rule"
    golden_run "$CASC" fmt --to json -f "$tmp/rule"
    golden_expect_output "$1 (rule to JSON again)" "$json"

    # 2: the same SQL.
    case $1 in "$FIXTURE_DIR"/*) ;; *) return ;; esac
    args=$(fixture_args "$1")
    for d in $FIXTURE_DIALECTS; do
        # shellcheck disable=SC2086 # options are words by design
        golden_run "$CASC" compile --model "$FIXTURE_MODEL" --dialect "$d" $args --from json \
            -f "$json"
        golden_expect_output "$1 ($d, from JSON)" "$name.$d.sql"
    done
}

# work WORKER: every other case (the WORKER-th of each two), in a scratch
# directory of its own; its counts go to $tmp/counts there. Two workers
# run at once, each in a background subshell: some 2,900 runs of casc take
# half the time on two cores.
work() {
    tmp=$tmp/worker$1
    mkdir "$tmp"
    n=0
    for src in "$FIXTURE_DIR"/*.casc tests/fmt/*.casc; do
        [ -f "${src%.casc}.err" ] && continue
        n=$((n + 1))
        [ $((n % 2)) -eq "$1" ] && check_case "$src" $n
    done
    echo "$golden_passed $golden_failed" >"$tmp/counts"
}

jsons=$tmp/json
mkdir "$jsons"
work 0 &
work 1 &
wait
for worker in 0 1; do
    if read -r passed failed <"$tmp/worker$worker/counts"; then
        golden_passed=$((golden_passed + passed)) golden_failed=$((golden_failed + failed))
    else
        golden_fail "worker $worker" "it stopped before its counts"
    fi
done

# 1: the schema, in one process. It prints "FILE<tab>why" for each
# invalid one, then the number of valid ones.
py=
for candidate in ${PYTHON:-} /usr/bin/python3 python3; do
    if "$candidate" -c 'import jsonschema' >/dev/null 2>&1; then
        py=$candidate
        break
    fi
done
if [ -z "$py" ]; then
    golden_fail "docs/rule.schema.json" "no python3 with jsonschema (sh scripts/install-deps.sh)"
else
    if ! "$py" - "$jsons" >"$tmp/schema" 2>&1 <<'EOF'
import glob, json, sys
import jsonschema
schema = json.load(open("docs/rule.schema.json"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
valid = 0
for path in sorted(glob.glob(sys.argv[1] + "/*.json")):
    try:
        error = jsonschema.exceptions.best_match(validator.iter_errors(json.load(open(path))))
        why = error and "at /%s: %s" % ("/".join(str(p) for p in error.absolute_path),
                                        error.message[:300])
    except ValueError as e:
        why = "not JSON: %s" % e
    if why:
        print("%s\t%s" % (path[:-5] + ".name", why))
    else:
        valid += 1
print(valid)
EOF
    then
        golden_fail "docs/rule.schema.json" "$(tail -n 3 "$tmp/schema")"
    fi
    while IFS="$(printf '\t')" read -r file why; do
        [ -n "$why" ] && golden_fail "$(cat "$file") (schema)" "$why"
    done <"$tmp/schema"
    valid=$(tail -n 1 "$tmp/schema")
    case $valid in '' | *[!0-9]*) ;; *) golden_pass_many "$valid" ;; esac
fi

# The error cases.
golden_update=$update
for case in tests/rule-json/*.json; do
    [ -e "$case" ] || { golden_fail "tests/rule-json" "no cases"; break; }
    case ${case##*/} in
    check-*) golden_run "$CASC" check --model "$FIXTURE_MODEL" --from json -f "$case" ;;
    *) golden_run "$CASC" fmt --from json -f "$case" ;;
    esac
    golden_expect_error "$case" "${case%.json}.err"
done
for err in tests/rule-json/*.err; do
    [ -f "$err" ] && { [ -f "${err%.err}.json" ] || golden_fail "$err" "no case ${err%.err}.json"; }
done

golden_done
