#!/bin/sh
# Run one libFuzzer target for a while: tests/fuzz/run.sh TARGET SECONDS
# (FUZZ_RUNS=N in the environment stops it after N executions instead).
# The corpus starts from the project's own fixtures and every kept finding
# (tests/fuzz/regressions/TARGET/); new findings are written to
# build-fuzz/findings/. Exit status is the fuzzer's: non-zero on a crash.
set -eu
target=$1
seconds=$2
cd "$(dirname "$0")/../.."
corpus=build-fuzz/corpus/$target
mkdir -p "$corpus" build-fuzz/findings "tests/fuzz/regressions/$target"
case $target in
model | compile) prefix=yes ;;
*) prefix= ;;
esac
case $target in
model) seeds="examples/*.yaml examples/*.json tests/models/*.yaml tests/models/*.json" ;;
json)
    # The JSON form of every golden rule (when casc is built), and the
    # JSON error cases.
    seeds="tests/rule-json/*.json"
    if [ -x build/casc ]; then
        for f in sql-fixtures/*.casc; do
            build/casc fmt --to json -f "$f" >"$corpus/$(basename "$f" .casc).json" 2>/dev/null ||
                rm -f "$corpus/$(basename "$f" .casc).json"
        done
    fi
    ;;
*) seeds="tests/fmt/*.casc tests/errors/*.casc sql-fixtures/*.casc tests/resolve/*.casc" ;;
esac
for f in $seeds; do
    [ -f "$f" ] || continue
    if [ -n "$prefix" ]; then
        # The first byte picks a variant: for model the loader (odd: YAML),
        # for compile the dialect and options.
        case $f in *.yaml) printf '\001' ;; *.json) printf '\000' ;; *) printf '\024' ;; esac \
            >"$corpus/$(basename "$f")"
        cat "$f" >>"$corpus/$(basename "$f")"
    else
        cp "$f" "$corpus/"
    fi
done
case $target in
model) dict= ;;
json) dict=-dict=tests/fuzz/json.dict ;;
*) dict=-dict=tests/fuzz/rules.dict ;;
esac
limit=-max_total_time=$seconds
[ -z "${FUZZ_RUNS:-}" ] || limit=-runs=$FUZZ_RUNS
exec "build-fuzz/fuzz_$target" $dict $limit -max_len=4096 \
    -timeout=10 -rss_limit_mb=2048 -artifact_prefix=build-fuzz/findings/"$target"- \
    -print_final_stats=1 "$corpus" "tests/fuzz/regressions/$target"
