#!/bin/sh
# The command line of `casc` and `casc fmt`: help, version, usage errors
# (exit 2), every way to give a rule, unreadable input and unwritable output
# (exit 1).
cd "$(dirname "$0")/../.." || exit 2
. tests/lib/golden.sh
golden_init "cli golden"

# expect STATUS STDOUT-TEST STDERR-PATTERN DESCRIPTION -- COMMAND...
# STDOUT-TEST is "empty", "text" (something) or the exact expected output;
# STDERR-PATTERN a grep -E pattern that standard error must match ("" for
# empty).
expect() {
    status=$1 want_out=$2 want_err=$3 what=$4
    shift 5
    golden_run "$@" <"${stdin:-/dev/null}"
    why=
    [ $rc -eq "$status" ] || why="exit $rc, expected $status"
    case $want_out in
    empty) [ -s "$tmp/out" ] && why="$why; unexpected output: $(head -c 200 "$tmp/out")" ;;
    text) [ -s "$tmp/out" ] || why="$why; no output" ;;
    *) [ "$(cat "$tmp/out")" = "$want_out" ] || why="$why; output: $(head -c 200 "$tmp/out")" ;;
    esac
    if [ -z "$want_err" ]; then
        [ -s "$tmp/err" ] && why="$why; unexpected stderr: $(head -c 200 "$tmp/err")"
    elif ! grep -Eq -e "$want_err" "$tmp/err"; then
        why="$why; stderr: $(head -c 300 "$tmp/err")"
    fi
    if [ -n "$why" ]; then
        golden_fail "$what" "$why"
    else
        golden_pass
    fi
}

# Help and version: standard output, exit 0.
expect 0 text "" "casc --help" -- "$CASC" --help
expect 0 text "" "casc -h" -- "$CASC" -h
expect 0 text "" "casc help" -- "$CASC" help
expect 0 "casc $(sed -n 's/^#define CASC_VERSION "\(.*\)"/\1/p' include/casc.h)" "" "casc --version" -- "$CASC" --version
expect 0 text "" "casc fmt --help" -- "$CASC" fmt --help
expect 0 text "" "casc fmt -h" -- "$CASC" fmt -h
if "$CASC" fmt --help | grep -q 'usage: casc fmt'; then
    golden_pass
else
    golden_fail "casc fmt --help" "no usage line"
fi

# Usage errors: exit 2, a message and a pointer to --help on standard error.
expect 2 empty "usage: casc" "casc alone" -- "$CASC"
expect 2 empty "unknown subcommand 'frobnicate'" "unknown subcommand" -- "$CASC" frobnicate
expect 2 empty "unknown option '--bogus'" "unknown long option" \
    -- "$CASC" fmt --bogus "a = 1"
expect 2 empty "unknown option '-x'" "unknown short option" -- "$CASC" fmt -x "a = 1"
expect 2 empty "give the rule once" "two rules" -- "$CASC" fmt "a = 1" "b = 2"
expect 2 empty "give the rule once" "a rule and -f" \
    -- "$CASC" fmt "a = 1" -f tests/fmt/spec4-behavior.casc
expect 2 empty "give the rule once" "a rule and -" -- "$CASC" fmt - "a = 1"
expect 2 empty "-f needs a file name" "-f without a file" -- "$CASC" fmt -f

# Every way to give a rule.
printf 'loyalty_tier = %sGold%s AND purchase in last 30 days\n' "'" "'" >"$tmp/rule.casc"
want="loyalty_tier = 'Gold' and purchase in last 30 days"
expect 0 "$want" "" "rule as an argument" \
    -- "$CASC" fmt "loyalty_tier = 'Gold' AND purchase in last 30 days"
expect 0 "$want" "" "-f FILE" -- "$CASC" fmt -f "$tmp/rule.casc"
stdin="$tmp/rule.casc"
expect 0 "$want" "" "-f - (standard input)" -- "$CASC" fmt -f -
expect 0 "$want" "" "- (standard input)" -- "$CASC" fmt -
expect 0 "$want" "" "standard input, no argument" -- "$CASC" fmt
stdin=
if out=$(printf 'a=1' | "$CASC" fmt) && [ "$out" = "a = 1" ]; then
    golden_pass
else
    golden_fail "a pipe without a final newline" "$out"
fi

# Errors in the rule name where it came from; exit 1, nothing on stdout.
expect 1 empty "^<argument>:1:4: error: expected a value after '=', found the end of the rule$" \
    "error in an argument" -- "$CASC" fmt "a = "
printf 'a =\n' >"$tmp/bad.casc"
stdin="$tmp/bad.casc"
expect 1 empty "^<stdin>:1:4: error: expected a value" "error on standard input" -- "$CASC" fmt -
stdin=
expect 1 empty "^$tmp/bad.casc:1:4: error: expected a value" "error in a file" \
    -- "$CASC" fmt -f "$tmp/bad.casc"
expect 1 empty "^<argument>:1:1: error: the rule is empty" "an empty argument" -- "$CASC" fmt ""

# Unreadable input: exit 1 and a message naming the file.
expect 1 empty "^$tmp/missing.casc: error: cannot open: No such file or directory$" \
    "a missing file" -- "$CASC" fmt -f "$tmp/missing.casc"
expect 1 empty "^$tmp: error: is a directory, not a file$" "a directory" -- "$CASC" fmt -f "$tmp"

# A rule past the 16 MiB limit: an error, not a crash.
head -c 16777217 /dev/zero | tr '\0' ' ' >"$tmp/huge.casc"
too_long="the rule is 16777217 bytes long; the limit is 16777216 bytes \(16 MiB\)"
expect 1 empty "^$tmp/huge.casc: error: $too_long$" "a rule over 16 MiB" \
    -- "$CASC" fmt -f "$tmp/huge.casc"
rm -f "$tmp/huge.casc"

# Unwritable output: exit non-zero with a message.
if [ -w /dev/full ]; then
    expect 1 empty "cannot write the output" "fmt to a full disk" \
        -- sh -c '"$0" fmt "a = 1" >/dev/full' "$CASC"
    expect 1 empty "cannot write the output" "--help to a full disk" \
        -- sh -c '"$0" --help >/dev/full' "$CASC"
fi

golden_done
