# tests/lib/golden.sh - what every runner in tests/golden/ needs (POSIX sh,
# to be sourced from the repository's root directory).
#
#   cd "$(dirname "$0")/../.." || exit 2
#   . tests/lib/golden.sh
#   golden_init "errors golden"       # $CASC, $tmp, the counts, clean-up
#   golden_run "$CASC" fmt -f x.casc  # $tmp/out, $tmp/err and $rc
#   golden_expect_error x.casc x.err  # exit 1, no stdout, stderr exactly x.err
#   golden_pass / golden_fail WHAT WHY
#   golden_done                       # "errors golden: N passed, N failed"
#
# Each check passes or fails once; a failure prints one line "FAIL WHAT:
# WHY" (and, for a file that differs, a unified diff). UPDATE=1 in the
# environment makes golden_same, and so golden_expect*, first rewrite the
# expected file from the output it is given, when the exit status and the
# other stream were right (review the diff). A runner clears golden_update
# for expectations that are not files to rewrite.

# golden_init SUITE: start the suite named SUITE in the summary line. Sets
# CASC (default build/casc) and tmp, a directory removed on exit after the
# commands in golden_at_exit (e.g. pg_stop) have run.
golden_init() {
    golden_suite=$1
    golden_passed=0 golden_failed=0 golden_updated=0
    golden_update=${UPDATE:-}
    golden_at_exit=
    CASC=${CASC:-build/casc}
    tmp=$(mktemp -d) || exit 2
    trap 'eval "$golden_at_exit"; rm -rf "$tmp"' EXIT
    trap 'exit 2' HUP INT TERM
}

# golden_pass: a check passed. golden_pass_many N: N checks passed.
golden_pass() {
    golden_passed=$((golden_passed + 1))
}
golden_pass_many() {
    golden_passed=$((golden_passed + $1))
}

# golden_fail WHAT WHY: a check failed; says which and why.
golden_fail() {
    echo "FAIL $1: $2"
    golden_failed=$((golden_failed + 1))
}

# golden_run COMMAND...: run it with its standard output in $tmp/out and
# standard error in $tmp/err; its exit status is $rc (and the return value).
golden_run() {
    "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    return $rc
}

# golden_same WHAT EXPECTED ACTUAL [LABEL]: file ACTUAL (LABEL, default
# "output") must be exactly EXPECTED; a difference fails with a unified diff.
golden_same() {
    if [ -n "$golden_update" ] && ! cmp -s "$2" "$3"; then
        cp "$3" "$2" && golden_updated=$((golden_updated + 1))
    fi
    if [ ! -f "$2" ]; then
        golden_fail "$1" "no expected file $2 (UPDATE=1 writes it)"
    elif ! cmp -s "$2" "$3"; then
        golden_fail "$1" "${4:-output} differs from $2"
        diff -u --label "$2" --label "${4:-output}" "$2" "$3"
    else
        golden_pass
    fi
}

# golden_expect WHAT STATUS STREAM EXPECTED: the last golden_run exited
# STATUS, wrote exactly file EXPECTED on STREAM (out or err) and nothing on
# the other one.
golden_expect() {
    ge_other=err
    [ "$3" = err ] && ge_other=out
    if [ "$rc" -ne "$2" ]; then
        golden_fail "$1" "exit $rc, expected $2: $(head -c 400 "$tmp/err")"
    elif [ -s "$tmp/$ge_other" ]; then
        golden_fail "$1" "unexpected std$ge_other: $(head -c 400 "$tmp/$ge_other")"
    else
        golden_same "$1" "$4" "$tmp/$3" "std$3"
    fi
}

# golden_expect_output WHAT EXPECTED: exit 0, standard output EXPECTED.
golden_expect_output() {
    golden_expect "$1" 0 out "$2"
}

# golden_expect_error WHAT EXPECTED: exit 1, standard error EXPECTED.
golden_expect_error() {
    golden_expect "$1" 1 err "$2"
}

# golden_expect_usage WHAT MESSAGE: the last golden_run was a usage error:
# exit 2, nothing on standard output, MESSAGE somewhere in standard error.
golden_expect_usage() {
    if [ "$rc" -ne 2 ]; then
        golden_fail "$1" "exit $rc, expected 2: $(head -c 200 "$tmp/err")"
    elif [ -s "$tmp/out" ]; then
        golden_fail "$1" "wrote to standard output"
    elif ! grep -q -- "$2" "$tmp/err"; then
        golden_fail "$1" "standard error lacks '$2': $(cat "$tmp/err")"
    else
        golden_pass
    fi
}

# golden_done: print the summary line (after a count of the files UPDATE
# rewrote, if any) and exit 0 if nothing failed, else 1.
golden_done() {
    if [ "$golden_updated" -gt 0 ]; then
        echo "$golden_suite: rewrote $golden_updated expected files; review: git diff"
    fi
    echo "$golden_suite: $golden_passed passed, $golden_failed failed"
    [ "$golden_failed" -eq 0 ]
    exit
}

# golden_abort WHAT WHY: a failure that ends the suite (e.g. its setup).
golden_abort() {
    golden_fail "$1" "$2"
    golden_done
}

# golden_skip WHY: the suite cannot run here; it counts nothing.
golden_skip() {
    echo "$golden_suite: skipped, $1"
    echo "$golden_suite: 0 passed, 0 failed"
    exit 0
}

# golden_sqlglot_python: print a Python that can import sqlglot ($PYTHON,
# else the system's /usr/bin/python3, which has Debian's python3-sqlglot,
# else the first python3 on PATH); return 1 if there is none.
golden_sqlglot_python() {
    for gp_py in ${PYTHON:-} /usr/bin/python3 python3; do
        if "$gp_py" -c 'import sqlglot' >/dev/null 2>&1; then
            echo "$gp_py"
            return 0
        fi
    done
    return 1
}
