#!/bin/sh
# Run golden suites (tests/golden/*.sh) with every casc invocation under
# valgrind memcheck:
#
#   valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect
#            --error-exitcode=99
#
#   sh tests/valgrind.sh                  the CI selection (below)
#   sh tests/valgrind.sh all              every golden suite, every call
#   sh tests/valgrind.sh cli fmt:4 ...    these suites; SUITE:N checks one
#                                         casc call in N, the rest run plain
#
# $CASC in each suite is a wrapper that runs $BUILD/casc (default build/)
# under valgrind, logging to its own file, so the suites' checks of standard
# error are unchanged. Which calls of a sampled suite run under valgrind is
# fixed by a checksum of the arguments and the files they name, so runs pick
# the same calls (except those that name a fresh temporary file). Calls with
# standard input or output closed run plain (valgrind's log would take the
# closed descriptor's place). A call fails when valgrind reports anything (an invalid read or
# write, use of uninitialised memory, a definite or indirect leak); a suite
# fails as usual (a valgrind error also makes casc exit 99, which no suite
# expects). Suites run two at a time (JOBS=1 for one). Prints each suite's
# own summary, every valgrind report, and "valgrind: N passed, N failed"
# counting casc calls checked (plus one failure per failing suite).
cd "$(dirname "$0")/.." || exit 2
BUILD=${BUILD:-build}
JOBS=${JOBS:-2}
casc=$PWD/$BUILD/casc
if [ ! -x "$casc" ]; then
    echo "valgrind: no $casc (run make first)"
    echo "valgrind: 0 passed, 1 failed"
    exit 1
fi
if ! command -v valgrind >/dev/null 2>&1; then
    echo "valgrind: no valgrind (install it: sh scripts/install-deps.sh)"
    echo "valgrind: 0 passed, 1 failed"
    exit 1
fi
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

# The CI selection: about 320 calls, some 3 minutes of CPU, so about 1.5
# minutes on CI's 2 cores (valgrind takes about 0.45 s of CPU to start casc).
# `all` checks every call of every suite: the 3,114 calls of the first 11
# suites took 27 minutes of CPU; io_errors and injection add some 1,700.
# Left out here: the suites that compile sql-fixtures/ again to run the SQL
# elsewhere (sql_parse: sqlglot, postgres_fixtures: PostgreSQL), which reach
# no code that sql_fixtures does not, and the injection suite (thousands of
# texts in a few large calls); the repetitive suites are sampled; the small
# ones run whole. The runtime suites: every connector path of the REST
# ones, and a sample of the PostgreSQL runs (the rest repeat the same path).
default="cli errors:3 models:2 schema compile_cli sqlglot_dialects postgres_dialect:3 fmt:5
resolve:8 sql_fixtures:20 io_errors:15 runtime_rest runtime_pg:25"

# shellcheck disable=SC2086 # a list of words
[ $# -gt 0 ] || set -- $default
if [ "$*" = all ]; then
    set --
    for s in tests/golden/*.sh; do set -- "$@" "$(basename "$s" .sh)"; done
fi

# The stand-in for casc.
cat >"$tmp/casc" <<'EOF'
#!/bin/sh
# With standard input or output closed, valgrind's log file would take its
# place: run such a call plain.
{ (exec 9<&0) && (exec 9>&1); } 2>/dev/null || exec "$VG_CASC" "$@"
if [ "${VG_SAMPLE:-1}" -gt 1 ]; then
    sum=$({
        printf '%s\n' "$@"
        for a in "$@"; do [ -f "$a" ] && [ -r "$a" ] && cat -- "$a"; done
    } | cksum | cut -d ' ' -f 1)
    [ $((sum % VG_SAMPLE)) -eq 0 ] || exec "$VG_CASC" "$@"
fi
exec valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect \
    --error-exitcode=99 --log-file="$VG_LOGS/casc.%p.log" "$VG_CASC" "$@"
EOF
chmod +x "$tmp/casc"

# run_suite NAME[:N]: one suite, its output in $tmp/NAME.out.
run_suite() {
    name=${1%%:*} sample=1
    case $1 in *:*) sample=${1#*:} ;; esac
    mkdir -p "$tmp/logs/$name"
    if [ ! -f "tests/golden/$name.sh" ]; then
        echo "no such suite: tests/golden/$name.sh" >"$tmp/$name.out"
        echo 1 >"$tmp/$name.rc"
        return
    fi
    CASC=$tmp/casc VG_CASC=$casc VG_LOGS=$tmp/logs/$name VG_SAMPLE=$sample \
        sh "tests/golden/$name.sh" >"$tmp/$name.out" 2>&1
    echo $? >"$tmp/$name.rc"
}

# Lanes of suites, one background job each, dealt round-robin.
lane=0
for s in "$@"; do
    echo "$s" >>"$tmp/lane$((lane % JOBS))"
    lane=$((lane + 1))
done
i=0
while [ $i -lt "$JOBS" ] && [ -f "$tmp/lane$i" ]; do
    (while read -r s; do run_suite "$s"; done <"$tmp/lane$i") &
    i=$((i + 1))
done
wait

passed=0 failed=0
for s in "$@"; do
    name=${s%%:*}
    cat "$tmp/$name.out"
    rc=$(cat "$tmp/$name.rc")
    if [ "$rc" -ne 0 ]; then
        echo "FAIL $name: the suite failed under valgrind (exit $rc)"
        failed=$((failed + 1))
    fi
    echo "valgrind: $name: $(find "$tmp/logs/$name" -name '*.log' | wc -l) casc calls checked"
    for log in "$tmp/logs/$name"/*.log; do
        [ -f "$log" ] || continue
        if [ -s "$log" ]; then
            echo "FAIL $name: valgrind:"
            cat "$log"
            failed=$((failed + 1))
        else
            passed=$((passed + 1))
        fi
    done
done
echo "valgrind: $passed passed, $failed failed"
[ $failed -eq 0 ]
