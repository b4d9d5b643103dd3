#!/bin/sh
# make install into a temporary prefix, then use what it installed as a
# program that embeds casc would: build examples/embed.c with nothing but
# `cc $(pkg-config --cflags --libs casc)`, against the shared library and
# (pkg-config --static) the static one, and compare its SQL with casc's.
# Also the installed casc and casc(1), the library's exported symbols,
# make uninstall, and DESTDIR. Needs no root; installs from $BUILD as built
# (make builds only what is out of date).
cd "$(dirname "$0")/../.." || exit 2
. tests/lib/golden.sh
golden_init "install"
build=${BUILD:-build}
model=examples/retail.yaml
prefix=$tmp/usr
lib=$prefix/lib

# A sanitizer build's library needs the sanitizer's runtime in every
# program that links it; the plain build's run of this suite covers it.
if nm "$build/casc" 2>/dev/null | grep -Eq '__(asan|tsan|ubsan|msan)_'; then
    golden_skip "$build is a sanitizer build"
fi
for tool in cc pkg-config nm readelf man; do
    command -v $tool >/dev/null 2>&1 || golden_abort "$tool" "not installed (sh scripts/install-deps.sh)"
done

# make_here ARGS...: make in this tree, as a command of its own (not a
# sub-make of the `make test` that may be running this suite).
make_here() {
    golden_run env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s BUILD="$build" "$@"
}

make_here install PREFIX="$prefix"
[ "$rc" -eq 0 ] || golden_abort "make install" "exit $rc: $(head -c 600 "$tmp/err")"
golden_pass

# The files, the shared library's version from casc.h and its soname.
version=$(sed -n 's/^#define CASC_VERSION "\(.*\)"/\1/p' include/casc.h)
major=${version%%.*}
for f in bin/casc include/casc.h lib/libcasc.a "lib/libcasc.so.$version" \
    lib/pkgconfig/casc.pc share/man/man1/casc.1; do
    if [ -f "$prefix/$f" ]; then golden_pass; else golden_fail "installed $f" "missing"; fi
done
for link in "libcasc.so.$major:libcasc.so.$version" "libcasc.so:libcasc.so.$major"; do
    target=$(readlink "$lib/${link%%:*}")
    if [ "$target" = "${link#*:}" ]; then
        golden_pass
    else
        golden_fail "lib/${link%%:*}" "links to '$target', expected '${link#*:}'"
    fi
done
soname=$(readelf -d "$lib/libcasc.so.$version" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
if [ "$soname" = "libcasc.so.$major" ]; then golden_pass; else golden_fail soname "'$soname'"; fi

export PKG_CONFIG_PATH="$lib/pkgconfig"
modversion=$(pkg-config --modversion casc)
if [ "$modversion" = "$version" ]; then
    golden_pass
else
    golden_fail "pkg-config --modversion casc" "'$modversion', expected '$version'"
fi

# Exactly the functions casc.h declares are exported, all named casc_*.
sed -n 's/^CASC_API [^(]*[ *]\(casc_[a-z_]*\)(.*/\1/p' include/casc.h | sort >"$tmp/declared"
nm -D --defined-only "$lib/libcasc.so" | awk '{print $3}' | sort >"$tmp/exported"
if ! [ -s "$tmp/declared" ]; then
    golden_fail exports "no CASC_API functions found in include/casc.h"
elif grep -v '^casc_' "$tmp/exported" >"$tmp/foreign"; then
    golden_fail exports "symbols not named casc_*: $(tr '\n' ' ' <"$tmp/foreign")"
else
    golden_same exports "$tmp/declared" "$tmp/exported" "exported symbols"
fi

# build_embed NAME PKG-CONFIG-OPTIONS...: examples/embed.c as $tmp/NAME.
build_embed() {
    be_name=$1
    shift
    # shellcheck disable=SC2046 # pkg-config prints words
    golden_run cc -o "$tmp/$be_name" examples/embed.c $(pkg-config "$@" --cflags --libs casc)
    [ "$rc" -eq 0 ] || golden_fail "cc embed.c ($be_name)" "exit $rc: $(head -c 600 "$tmp/err")"
    [ "$rc" -eq 0 ]
}

# needs_libcasc PROGRAM: whether it loads libcasc.so when it runs.
needs_libcasc() {
    readelf -d "$1" | grep -q "NEEDED.*\[libcasc\.so\.$major\]"
}

# same_as_casc NAME PROGRAM...: PROGRAM (embed) prints, for each dialect
# and rule, exactly the SQL of `casc compile`.
same_as_casc() {
    sc_name=$1
    shift
    for dialect in snowflake databricks postgres; do
        for rule in "loyalty_tier = 'Gold' and purchase in last 30 days" \
            "email_open count > 3 this month or in segment 'VIP'"; do
            "$CASC" compile --model $model --dialect $dialect "$rule" >"$tmp/want" 2>&1
            golden_run "$@" $model $dialect "$rule"
            golden_expect "$sc_name: $dialect: $rule" 0 out "$tmp/want"
        done
    done
}

# The shared library: the program needs it, and finds it on the path.
if build_embed embed; then
    if needs_libcasc "$tmp/embed"; then
        golden_pass
    else
        golden_fail "embed (shared)" "does not load libcasc.so.$major"
    fi
    same_as_casc shared env LD_LIBRARY_PATH="$lib" "$tmp/embed"

    # An error in the rule: exit 1, nothing on standard output, the first
    # diagnostic as LINE:COLUMN: message (casc's, without the name).
    rule="loyalty_teir = 'Gold'"
    "$CASC" compile --model $model "$rule" 2>&1 |
        sed -n '1s/^<argument>:\([0-9]*:[0-9]*\): error: /\1: /p' >"$tmp/want"
    golden_run env LD_LIBRARY_PATH="$lib" "$tmp/embed" $model snowflake "$rule"
    head -n 1 "$tmp/err" >"$tmp/err1"
    if [ "$rc" -ne 1 ] || [ -s "$tmp/out" ]; then
        golden_fail "embed error" "exit $rc (expected 1), stdout: $(head -c 200 "$tmp/out")"
    else
        golden_same "embed error" "$tmp/want" "$tmp/err1" "first line of stderr"
    fi
    # A model that cannot be read: exit 1 and a diagnostic.
    golden_run env LD_LIBRARY_PATH="$lib" "$tmp/embed" "$tmp/missing.yaml" snowflake "$rule"
    if [ "$rc" -eq 1 ] && grep -q 'cannot open' "$tmp/err"; then
        golden_pass
    else
        golden_fail "embed missing model" "exit $rc, stderr: $(head -c 300 "$tmp/err")"
    fi
fi

# The static library: the same installation without the shared one, so
# that -lcasc finds libcasc.a; --static adds what libcasc.a uses.
rm -f "$lib"/libcasc.so*
if build_embed embed-static --static; then
    if needs_libcasc "$tmp/embed-static"; then
        golden_fail "embed (static)" "loads libcasc.so.$major"
    else
        golden_pass
    fi
    same_as_casc static "$tmp/embed-static"
fi

# The installed casc: statically linked, the same version and output.
if needs_libcasc "$prefix/bin/casc"; then
    golden_fail "installed casc" "loads libcasc.so.$major"
else
    golden_pass
fi
"$CASC" --version >"$tmp/want"
golden_run "$prefix/bin/casc" --version
golden_expect_output "installed casc --version" "$tmp/want"

# The installed man page renders without a warning and documents each
# subcommand.
golden_run env MANWIDTH=80 man --warnings -l "$prefix/share/man/man1/casc.1"
if [ "$rc" -ne 0 ] || [ -s "$tmp/err" ]; then
    golden_fail "man -l casc.1" "exit $rc: $(head -c 300 "$tmp/err")"
else
    for sub in compile check fmt schema; do
        if grep -q "^   casc $sub" "$tmp/out"; then
            golden_pass
        else
            golden_fail "man casc" "no section for casc $sub"
        fi
    done
fi

# make uninstall leaves no file behind.
make_here uninstall PREFIX="$prefix"
left=$(find "$prefix" ! -type d)
if [ "$rc" -ne 0 ] || [ -n "$left" ]; then
    golden_fail "make uninstall" "exit $rc; left: $left"
else
    golden_pass
fi

# DESTDIR: staged under it, for PREFIX; uninstall with the same pair.
stage=$tmp/stage
make_here install PREFIX=/opt/casc DESTDIR="$stage"
if [ "$rc" -ne 0 ]; then
    golden_fail "make install DESTDIR" "exit $rc: $(head -c 300 "$tmp/err")"
elif ! grep -qx 'prefix=/opt/casc' "$stage/opt/casc/lib/pkgconfig/casc.pc" ||
    [ ! -x "$stage/opt/casc/bin/casc" ]; then
    golden_fail "make install DESTDIR" "not staged for /opt/casc: $(find "$stage" ! -type d)"
else
    golden_pass
    make_here uninstall PREFIX=/opt/casc DESTDIR="$stage"
    left=$(find "$stage" ! -type d)
    if [ -n "$left" ]; then golden_fail "make uninstall DESTDIR" "left: $left"; else golden_pass; fi
fi

golden_done
