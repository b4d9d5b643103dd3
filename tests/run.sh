#!/bin/sh
# Run every test suite and print one closing line "N passed, N failed".
# Each suite prints its own "SUITE: N passed, N failed" line; this adds them.
# BUILD names the build directory (build, or build-asan for SANITIZE=1).
cd "$(dirname "$0")/.." || exit 2
BUILD=${BUILD:-build}
export CASC="$PWD/$BUILD/casc"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0

run_suite() {
    "$@" >"$log.out" 2>&1
    rc=$?
    cat "$log.out"
    line=$(grep -E '^[A-Za-z0-9_ -]+: [0-9]+ passed, [0-9]+ failed' "$log.out" | tail -n 1)
    if [ -z "$line" ]; then
        echo "$*: no summary line (exit $rc)"
        echo "x: 0 passed, 1 failed" >>"$log"
        status=1
        return
    fi
    echo "$line" >>"$log"
    [ $rc -eq 0 ] || status=1
    rm -f "$log.out"
}

for t in "$BUILD"/tests/*; do
    [ -x "$t" ] && run_suite "$t"
done
for s in tests/golden/*.sh; do
    [ -f "$s" ] && run_suite sh "$s"
done

passed=$(sed -E 's/.*: ([0-9]+) passed.*/\1/' "$log" | awk '{s+=$1} END {print s+0}')
failed=$(sed -E 's/.*passed, ([0-9]+) failed.*/\1/' "$log" | awk '{s+=$1} END {print s+0}')
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ $status -eq 0 ]
