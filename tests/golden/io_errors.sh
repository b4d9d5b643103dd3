#!/bin/sh
# Bad input and output files for every subcommand: a model or rule file that
# is missing, a directory, unreadable (mode 000), truncated, binary (an
# executable, random bytes, UTF-16), holds a NUL byte, or never ends
# (/dev/zero) fails with exit 1, a message that names the file, and nothing
# on standard output; a failed write of the output (/dev/full, a closed
# standard output) exits 1 with a message. tests/golden/cli.sh covers fmt's
# missing and directory rule files and fmt to /dev/full;
# tests/golden/models.sh the model errors of `casc schema`, one fixture each.
cd "$(dirname "$0")/../.." || exit 2
. tests/lib/golden.sh
golden_init "io errors"
model=examples/retail.yaml
rule="loyalty_tier = 'Gold' and purchase in last 30 days"

# failure NAME [MESSAGE]: why the last golden_run did not fail as it should
# (nothing when it did): exit 1, nothing on standard output, and standard
# error starting "NAME:" with an error (the whole first line is
# "NAME: error: MESSAGE" when MESSAGE is given).
failure() {
    first=$(head -n 1 "$tmp/err")
    if [ "$rc" -ne 1 ]; then
        echo "exit $rc, expected 1: $(head -c 300 "$tmp/err")"
    elif [ -s "$tmp/out" ]; then
        echo "wrote to standard output: $(head -c 200 "$tmp/out")"
    elif [ $# -ge 2 ]; then
        [ "$first" = "$1: error: $2" ] || echo "standard error: $first; expected: $1: error: $2"
    else
        case $first in
        "$1:"*error:*) ;;
        *) echo "standard error does not start with '$1:' and an error: $first" ;;
        esac
    fi
}

# fails WHAT NAME [MESSAGE]: a check that the last golden_run failed so.
fails() {
    f_what=$1
    shift
    f_why=$(failure "$@")
    if [ -n "$f_why" ]; then
        golden_fail "$f_what" "$f_why"
    else
        golden_pass
    fi
}

# says WHAT PATTERN: standard error of the last run matches grep -E PATTERN.
says() {
    if grep -Eq -e "$2" "$tmp/err"; then
        golden_pass
    else
        golden_fail "$1" "no '$2' in: $(head -n 1 "$tmp/err")"
    fi
}

# model_cases WHAT PATH [MESSAGE]: PATH as the model of compile, check and
# schema.
model_cases() {
    golden_run "$CASC" compile --model "$2" "$rule"
    fails "compile: $1" "$2" ${3+"$3"}
    golden_run "$CASC" check --model "$2" "$rule"
    fails "check: $1" "$2" ${3+"$3"}
    golden_run "$CASC" schema --model "$2"
    fails "schema: $1" "$2" ${3+"$3"}
}

# rule_cases WHAT PATH [MESSAGE]: PATH as the rule file (-f) of compile,
# check and fmt.
rule_cases() {
    golden_run "$CASC" compile --model $model -f "$2"
    fails "compile -f: $1" "$2" ${3+"$3"}
    golden_run "$CASC" check --model $model -f "$2"
    fails "check -f: $1" "$2" ${3+"$3"}
    golden_run "$CASC" fmt -f "$2"
    fails "fmt -f: $1" "$2" ${3+"$3"}
}

# ---- missing files and directories ----
model_cases "a missing model" "$tmp/missing.yaml" "cannot open: No such file or directory"
model_cases "a model that is a directory" "$tmp" "is a directory, not a file"
golden_run "$CASC" compile --model $model -f "$tmp/missing.casc"
fails "compile -f: a missing rule" "$tmp/missing.casc" "cannot open: No such file or directory"
golden_run "$CASC" check --model $model -f "$tmp/missing.casc"
fails "check -f: a missing rule" "$tmp/missing.casc" "cannot open: No such file or directory"
golden_run "$CASC" compile --model $model -f "$tmp"
fails "compile -f: a directory" "$tmp" "is a directory, not a file"
golden_run "$CASC" check --model $model -f "$tmp"
fails "check -f: a directory" "$tmp" "is a directory, not a file"
# Standard input that cannot be read: a directory, or closed.
golden_run "$CASC" fmt </
fails "fmt: standard input a directory" "<stdin>" "is a directory, not a file"
golden_run "$CASC" compile --model $model <&-
fails "compile: standard input closed" "<stdin>" "cannot read: Bad file descriptor"
golden_run "$CASC" schema --model - <&-
fails "schema --model -: standard input closed" "-" "cannot read: Bad file descriptor"

# ---- unreadable files (mode 000) ----
# root reads any file, so as root the commands run as nobody.
mkdir "$tmp/perm" && cp $model "$tmp/perm/model.yaml" && printf '%s\n' "$rule" >"$tmp/perm/rule.casc"
cp $model "$tmp/perm/locked.yaml" && printf '%s\n' "$rule" >"$tmp/perm/locked.casc"
chmod 755 "$tmp" "$tmp/perm" && chmod 644 "$tmp/perm/model.yaml" "$tmp/perm/rule.casc" &&
    chmod 000 "$tmp/perm/locked.yaml" "$tmp/perm/locked.casc"
as=
if [ "$(id -u)" -eq 0 ]; then
    for as in "runuser -u nobody --" "setpriv --reuid=nobody --regid=nogroup --clear-groups" ""; do
        # shellcheck disable=SC2086 # a command and its options
        [ -n "$as" ] && $as "$CASC" fmt -f "$tmp/perm/rule.casc" >/dev/null 2>&1 && break
    done
    [ -n "$as" ] || echo "io errors: skipped the mode 000 cases: running as root and cannot run $CASC as nobody"
fi
if [ "$(id -u)" -ne 0 ] || [ -n "$as" ]; then
    denied="cannot open: Permission denied"
    for cmd in compile check schema; do
        r=$rule
        [ $cmd = schema ] && r=--format=text
        # shellcheck disable=SC2086
        golden_run $as "$CASC" $cmd --model "$tmp/perm/locked.yaml" "$r"
        fails "$cmd: an unreadable model" "$tmp/perm/locked.yaml" "$denied"
    done
    # shellcheck disable=SC2086
    golden_run $as "$CASC" compile --model "$tmp/perm/model.yaml" -f "$tmp/perm/locked.casc"
    fails "compile -f: an unreadable rule" "$tmp/perm/locked.casc" "$denied"
    # shellcheck disable=SC2086
    golden_run $as "$CASC" check --model "$tmp/perm/model.yaml" -f "$tmp/perm/locked.casc"
    fails "check -f: an unreadable rule" "$tmp/perm/locked.casc" "$denied"
    # shellcheck disable=SC2086
    golden_run $as "$CASC" fmt -f "$tmp/perm/locked.casc"
    fails "fmt -f: an unreadable rule" "$tmp/perm/locked.casc" "$denied"
fi

# ---- binary files and NUL bytes ----
# The casc executable itself (NUL bytes), bytes that are not UTF-8 (no
# NUL), and UTF-16 text (NUL bytes in every ASCII character).
case $CASC in
*/*) exe=$CASC ;;
*) exe=$(command -v "$CASC") ;;
esac
# Under a wrapper (tests/valgrind.sh) $CASC is a script: use the real one.
[ -n "${VG_CASC:-}" ] && exe=$VG_CASC
awk 'BEGIN { for (i = 0; i < 4000; i++) printf "%c", 128 + (i * 37) % 128 }' >"$tmp/high.bin"
iconv -f UTF-8 -t UTF-16 $model >"$tmp/utf16.yaml" 2>/dev/null || printf '\377\376n\000a\000' >"$tmp/utf16.yaml"
printf '%s\n' "$rule" | iconv -f UTF-8 -t UTF-16 >"$tmp/utf16.casc" 2>/dev/null ||
    printf '\377\376a\000' >"$tmp/utf16.casc"
# The message says why: a NUL byte, or not UTF-8.
binary="(contains a NUL byte|invalid UTF-8)"
for f in "$exe" "$tmp/utf16.yaml"; do
    model_cases "a binary model ($f)" "$f"
    says "schema: a binary model ($f)" "$binary"
    rule_cases "a binary rule ($f)" "$f"
    says "fmt -f: a binary rule ($f)" "$binary"
done
model_cases "bytes that are not UTF-8" "$tmp/high.bin"
rule_cases "bytes that are not UTF-8" "$tmp/high.bin"
says "fmt -f: bytes that are not UTF-8" "invalid UTF-8"
rule_cases "a UTF-16 rule" "$tmp/utf16.casc"
says "fmt -f: a UTF-16 rule" "$binary"
# A NUL byte inside otherwise good files: a YAML model, a rule in a file
# and on standard input (tests/models/nul_byte.json: a JSON model).
{ head -c 200 $model; printf '\000'; tail -c +201 $model; } >"$tmp/nul.yaml"
model_cases "a YAML model with a NUL byte" "$tmp/nul.yaml"
printf "loyalty_tier = 'Go\000ld'\n" >"$tmp/nul.casc"
rule_cases "a rule with a NUL byte" "$tmp/nul.casc"
golden_run "$CASC" compile --model $model <"$tmp/nul.casc"
fails "compile: a NUL byte on standard input" "<stdin>"

# ---- endless and huge inputs ----
# casc reads one byte past a limit (16 MiB of rule, 64 MiB of model) and no
# further: an endless stream is an error, not a hang or exhausted memory,
# and a huge file is never read whole (sparse files: no disk used).
golden_run "$CASC" fmt -f /dev/zero
fails "fmt -f /dev/zero" /dev/zero \
    "the rule is more than 16777217 bytes long; the limit is 16777216 bytes (16 MiB)"
golden_run "$CASC" schema --model /dev/zero
fails "schema --model /dev/zero" /dev/zero \
    "the model file is more than 67108865 bytes long; the limit is 67108864 bytes (64 MiB)"
yes "loyalty_tier = 'Gold' or" 2>/dev/null | "$CASC" check --model $model >"$tmp/out" 2>"$tmp/err"
rc=$?
fails "an endless rule on standard input" "<stdin>" \
    "the rule is more than 16777217 bytes long; the limit is 16777216 bytes (16 MiB)"
if truncate -s 100M "$tmp/huge.yaml" 2>/dev/null && truncate -s 20M "$tmp/huge.casc"; then
    model_cases "a 100 MiB model" "$tmp/huge.yaml" \
        "the model file is 104857600 bytes long; the limit is 67108864 bytes (64 MiB)"
    rule_cases "a 20 MiB rule" "$tmp/huge.casc" \
        "the rule is 20971520 bytes long; the limit is 16777216 bytes (16 MiB)"
    rm -f "$tmp/huge.yaml" "$tmp/huge.casc"
fi

# ---- truncated models ----
# Every 17th prefix of the example model, in YAML and JSON: a JSON prefix is
# never a model; a YAML prefix may be one (then it compiles), else it is an
# error naming the file. Also a model cut inside a UTF-8 character.
for src in examples/retail.json examples/retail.yaml; do
    ext=${src##*.}
    size=$(wc -c <"$src")
    n=1 errors=0 compiled=0 wrong=0
    while [ "$n" -lt "$size" ]; do
        head -c "$n" "$src" >"$tmp/cut.$ext"
        golden_run "$CASC" compile --model "$tmp/cut.$ext" --dialect postgres "true"
        why=
        if [ "$rc" -eq 0 ] && [ "$ext" = yaml ] && [ -s "$tmp/out" ] && [ ! -s "$tmp/err" ]; then
            compiled=$((compiled + 1))
        else
            why=$(failure "$tmp/cut.$ext")
            [ -n "$why" ] || errors=$((errors + 1))
        fi
        if [ -n "$why" ]; then
            wrong=$((wrong + 1))
            [ "$wrong" -gt 5 ] || golden_fail "$src cut after $n bytes" "$why"
        fi
        n=$((n + 17))
    done
    [ "$wrong" -eq 0 ] && golden_pass_many $((errors + compiled))
    echo "io errors: $src cut at $((errors + compiled + wrong)) places: $errors errors, $compiled models, $wrong wrong"
done
printf 'name: Caf\303\251 customers\nmaster_table:\n  table: caf\303' >"$tmp/cut-utf8.yaml"
model_cases "a model cut inside a UTF-8 character" "$tmp/cut-utf8.yaml"
says "a model cut inside a UTF-8 character" "invalid UTF-8"

# ---- output that cannot be written ----
# A full disk (/dev/full) and a closed standard output, for every command
# that writes to standard output.
wrote="casc: error: cannot write the output: "
writes() {
    what=$1
    shift
    for sink in full closed; do
        if [ $sink = full ]; then
            [ -w /dev/full ] || continue
            "$@" >/dev/full 2>"$tmp/err"
        else
            "$@" >&- 2>"$tmp/err"
        fi
        rc=$?
        if [ $rc -ne 1 ]; then
            golden_fail "$what > $sink" "exit $rc, expected 1: $(head -c 200 "$tmp/err")"
        elif ! grep -qF "$wrote" "$tmp/err"; then
            golden_fail "$what > $sink" "no '$wrote': $(head -c 200 "$tmp/err")"
        else
            golden_pass
        fi
    done
}
writes "compile" "$CASC" compile --model $model "$rule"
writes "compile --format json" "$CASC" compile --model $model --format json "$rule"
printf '%s\n' "$rule" "email_opt_in = true" >"$tmp/lines.txt"
writes "compile --each-line" "$CASC" compile --model $model --each-line -f "$tmp/lines.txt"
writes "compile --help" "$CASC" compile --help
writes "check --help" "$CASC" check --help
writes "fmt" "$CASC" fmt "$rule"
writes "schema" "$CASC" schema --model $model
writes "schema --format json" "$CASC" schema --model $model --format json
writes "--version" "$CASC" --version
# A large output fails the same way (written in pieces, not at the end).
i=0 big=
while [ $i -lt 2000 ]; do
    big="$big${big:+ or }loyalty_tier = 'tier $i'"
    i=$((i + 1))
done
writes "compile of a large rule" "$CASC" compile --model $model "$big"
# check writes nothing for a good rule, so /dev/full is no error there.
if [ -w /dev/full ]; then
    "$CASC" check --model $model "$rule" >/dev/full 2>"$tmp/err"
    rc=$?
    if [ "$rc" -eq 0 ] && [ ! -s "$tmp/err" ]; then
        golden_pass
    else
        golden_fail "check > /dev/full" "exit $rc: $(head -c 200 "$tmp/err")"
    fi
fi

golden_done
