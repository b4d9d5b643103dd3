#!/bin/sh
# The Python binding (python/casc.py) against $BUILD/libcasc.so: the
# unittest suite tests/python/ (golden fixtures through the binding, errors,
# threads, struct layout), ending with "python: N passed, M failed".
#
# Under `make test SANITIZE=1` (BUILD=build-asan) the library is
# instrumented with ASan+UBSan, and an instrumented shared object cannot be
# loaded into an uninstrumented python: the ASan runtime must be the first
# library in the process. So the runtime is preloaded: LD_PRELOAD of the
# libasan the .so is linked with (else cc's); the UBSan runtime comes in as
# the .so's own dependency. This tests the instrumented library itself,
# which is the point of SANITIZE=1, rather than falling back to the plain
# build. Leak detection is off: CPython leaks by design at exit (interned
# objects, static types), which LeakSanitizer would report as failures;
# memory errors and undefined behaviour still abort the run. PYTHONMALLOC=
# malloc lets ASan see the interpreter's allocations too. The tests drop
# LD_PRELOAD for the processes they start (cc, casc).
cd "$(dirname "$0")/../.." || exit 2
BUILD=${BUILD:-build}
case $BUILD in
/*) dir=$BUILD ;;
*) dir=$PWD/$BUILD ;;
esac
CASC_LIBRARY=$dir/libcasc.so
CASC=${CASC:-$dir/casc}
export CASC_LIBRARY CASC

if ! command -v python3 >/dev/null 2>&1; then
    echo "FAIL python: no python3"
    echo "python: 0 passed, 1 failed"
    exit 1
fi
if [ ! -f "$CASC_LIBRARY" ]; then
    echo "FAIL python: no $CASC_LIBRARY (make $BUILD/libcasc.so)"
    echo "python: 0 passed, 1 failed"
    exit 1
fi

if nm -D "$CASC_LIBRARY" 2>/dev/null | grep -q '__asan_init'; then
    # The runtime the library was linked with, else the compiler's.
    asan_rt=$(ldd "$CASC_LIBRARY" 2>/dev/null | awk '$1 ~ /^libasan\.so/ { print $3; exit }')
    [ -n "$asan_rt" ] || asan_rt=$(${CC:-cc} -print-file-name=libasan.so)
    case $asan_rt in
    /*) ;;
    *)
        echo "FAIL python: $CASC_LIBRARY is ASan-instrumented and no libasan.so was found"
        echo "python: 0 passed, 1 failed"
        exit 1
        ;;
    esac
    LD_PRELOAD=$asan_rt
    ASAN_OPTIONS=detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}
    PYTHONMALLOC=malloc
    export LD_PRELOAD ASAN_OPTIONS PYTHONMALLOC
fi

exec python3 tests/python/run.py "$@"
