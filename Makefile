# casc - build, test and install.
#
#   make                 build build/casc and build/libcasc.{a,so} (warnings are errors)
#   make test            every test suite; prints "N passed, N failed"
#   make test SANITIZE=1 the same under AddressSanitizer + UBSan (build-asan/)
#   make test-valgrind   golden suites with casc under valgrind memcheck
#   make CC=clang        any C11 compiler
#   make install         casc, libcasc, casc.h, casc.pc, casc(1) under PREFIX
#                        (/usr/local; DESTDIR for staging); make uninstall
#   make test-tsan       the library under ThreadSanitizer (build-tsan/)
#
# Generated C (lexer, parser) goes to $(BUILD)/gen and is never committed.

CC       ?= cc
BUILD    ?= build
OPT      ?= -O2
CFLAGS   ?= -g
WARN     := -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
DEPS_CFLAGS := $(shell pkg-config --cflags libcjson yaml-0.1 2>/dev/null)
DEPS_LIBS   := $(shell pkg-config --libs libcjson yaml-0.1 2>/dev/null || echo -lcjson -lyaml)

ifeq ($(SANITIZE),1)
BUILD    := build-asan
OPT      := -O1
SAN      := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
endif

GEN      := $(BUILD)/gen
CPPFLAGS += -D_POSIX_C_SOURCE=200809L -Iinclude -Icompiler -Icli -Iruntime -I$(GEN)
# Position-independent and hidden by default: the same objects make the
# static and the shared library, which exports only what casc.h marks CASC_API.
ALL_CFLAGS = $(WARN) $(OPT) $(CFLAGS) $(SAN) $(DEPS_CFLAGS) -fPIC -fvisibility=hidden
LDLIBS   += $(DEPS_LIBS) -lm

# The library's version is CASC_VERSION in casc.h; its major number is the
# soname's (an incompatible ABI change bumps it).
VERSION  := $(shell sed -n 's/^\#define CASC_VERSION "\(.*\)"/\1/p' include/casc.h)
SOMAJOR  := $(firstword $(subst ., ,$(VERSION)))

COMPILER_SRC := $(sort $(wildcard compiler/*.c))
CLI_SRC      := $(sort $(wildcard cli/*.c))
GEN_SRC      := $(GEN)/parser.c $(GEN)/lexer.c
LIB_OBJ      := $(COMPILER_SRC:%.c=$(BUILD)/%.o) $(GEN)/parser.o $(GEN)/lexer.o
CLI_OBJ      := $(CLI_SRC:%.c=$(BUILD)/%.o)
# The runtime of `casc run` (docs/runtime.md): connectors to the
# warehouses. Only the casc binary links it and libcurl, OpenSSL and libpq;
# libcasc stays free of them.
RUNTIME_SRC  := $(sort $(wildcard runtime/*.c))
RUNTIME_OBJ  := $(RUNTIME_SRC:%.c=$(BUILD)/%.o)
RT_CFLAGS    := $(shell pkg-config --cflags libcurl libcrypto libpq 2>/dev/null || echo -I/usr/include/postgresql)
RT_LIBS      := $(shell pkg-config --libs libcurl libcrypto libpq 2>/dev/null || echo -lcurl -lcrypto -lpq)
TEST_UNIT_SRC := $(sort $(wildcard tests/unit/*.c))
TEST_UNIT_BIN := $(TEST_UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.DELETE_ON_ERROR:
.PHONY: all test unit-tests clean deps accept-fixtures test-valgrind install uninstall

all: $(BUILD)/casc $(BUILD)/libcasc.so

# Lemon exits non-zero on any parsing conflict; the build stops there.
# One run makes both files (a grouped target, so make -j runs it once).
$(GEN)/parser.c $(GEN)/parser.h &: grammar/parser.y
	@mkdir -p $(GEN)
	lemon -q -d$(GEN) grammar/parser.y
	@if grep -q conflict $(GEN)/parser.out 2>/dev/null; then echo "lemon: conflicts"; rm -f $(GEN)/parser.c; exit 1; fi

$(GEN)/lexer.c: grammar/lexer.re $(GEN)/parser.h
	@mkdir -p $(GEN)
	re2c -W -Werror --no-generation-date -o $@ grammar/lexer.re

# Everything in the compiler may include the token codes.
$(COMPILER_SRC:%.c=$(BUILD)/%.o) $(CLI_OBJ): $(GEN)/parser.h

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

# Lemon's template is not written for these warnings; our own code is.
GEN_WARN := -Wno-unused-parameter -Wno-unused-variable -Wno-missing-prototypes
$(GEN)/%.o: $(GEN)/%.c
	$(CC) $(CPPFLAGS) -Igrammar $(ALL_CFLAGS) $(GEN_WARN) -DNDEBUG -MMD -MP -c -o $@ $<

$(BUILD)/libcasc.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/libcasc.so: $(LIB_OBJ)
	$(CC) $(ALL_CFLAGS) -shared -Wl,-soname,libcasc.so.$(SOMAJOR) -o $@ $^ $(LDLIBS)

$(RUNTIME_OBJ): CPPFLAGS += $(RT_CFLAGS)

$(BUILD)/libcasc_runtime.a: $(RUNTIME_OBJ)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/casc: $(CLI_OBJ) $(BUILD)/libcasc_runtime.a $(BUILD)/libcasc.a
	$(CC) $(ALL_CFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libcasc_runtime.a $(BUILD)/libcasc.a \
	    $(RT_LIBS) $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/check.h $(BUILD)/libcasc.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Itests/unit $(ALL_CFLAGS) -o $@ $< $(BUILD)/libcasc.a $(LDLIBS) $(TEST_LDFLAGS)

# The library's own allocations fail on demand in this test.
$(BUILD)/tests/test_nomem: TEST_LDFLAGS = -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc

unit-tests: $(TEST_UNIT_BIN)

test: $(BUILD)/casc $(BUILD)/libcasc.so unit-tests
	@BUILD=$(BUILD) sh tests/run.sh

# The golden suites with every casc call (or a sample: tests/valgrind.sh)
# under valgrind --leak-check=full, on the plain build.
#   make test-valgrind VALGRIND_SUITES=all   every suite, every call
test-valgrind: $(BUILD)/casc
	@BUILD=$(BUILD) sh tests/valgrind.sh $(VALGRIND_SUITES)

# Rewrite sql-fixtures/*.{snowflake,databricks,postgres}.sql from casc's
# current output (review `git diff sql-fixtures` before committing).
accept-fixtures: $(BUILD)/casc
	@UPDATE=1 CASC=$(BUILD)/casc sh tests/golden/sql_fixtures.sh

# ---- install: casc, the library (static and shared), casc.h, casc.pc and
# casc(1). Installs what is built (building only what is out of date).
#   make install PREFIX=/usr DESTDIR=/tmp/stage     staged, for a package
PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
LIBDIR     ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
MANDIR     ?= $(PREFIX)/share/man
PCDIR      ?= $(LIBDIR)/pkgconfig
SONAME     := libcasc.so.$(SOMAJOR)
INSTALL_FILES := $(BINDIR)/casc $(INCLUDEDIR)/casc.h $(LIBDIR)/libcasc.a \
    $(LIBDIR)/libcasc.so.$(VERSION) $(LIBDIR)/$(SONAME) $(LIBDIR)/libcasc.so \
    $(PCDIR)/casc.pc $(MANDIR)/man1/casc.1

install: $(BUILD)/casc $(BUILD)/libcasc.a $(BUILD)/libcasc.so
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) \
	    $(DESTDIR)$(PCDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(BUILD)/casc $(DESTDIR)$(BINDIR)/casc
	install -m 644 include/casc.h $(DESTDIR)$(INCLUDEDIR)/casc.h
	install -m 644 $(BUILD)/libcasc.a $(DESTDIR)$(LIBDIR)/libcasc.a
	install -m 755 $(BUILD)/libcasc.so $(DESTDIR)$(LIBDIR)/libcasc.so.$(VERSION)
	ln -sf libcasc.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libcasc.so
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
	    -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' -e 's|@VERSION@|$(VERSION)|' \
	    casc.pc.in >$(DESTDIR)$(PCDIR)/casc.pc
	install -m 644 docs/casc.1 $(DESTDIR)$(MANDIR)/man1/casc.1

uninstall:
	rm -f $(addprefix $(DESTDIR),$(INSTALL_FILES))

deps:
	sh scripts/install-deps.sh

clean:
	rm -rf build build-asan build-tsan

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

# ---- fuzzing: clang's libFuzzer with ASan + UBSan (tests/fuzz/) ----
#   make fuzz FUZZ_SECONDS=60   each target for that long (CI: a short run)
#   make fuzz-compile           one target: parse, fmt, model, compile or json
FUZZ_TARGETS := parse fmt model compile json
FUZZ_SECONDS ?= 20
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
.PHONY: fuzz $(FUZZ_TARGETS:%=fuzz-%) fuzz-build

fuzz-build:
	$(MAKE) BUILD=build-fuzz CC=clang OPT=-O1 SAN="-fsanitize=fuzzer-no-link $(FUZZ_SAN)" \
	    build-fuzz/libcasc.a
	for t in $(FUZZ_TARGETS); do \
	    clang $(CPPFLAGS:$(BUILD)/gen=build-fuzz/gen) $(WARN) -g -O1 -fsanitize=fuzzer $(FUZZ_SAN) \
	        $(DEPS_CFLAGS) -o build-fuzz/fuzz_$$t tests/fuzz/fuzz_$$t.c build-fuzz/libcasc.a \
	        $(LDLIBS) || exit 1; \
	done

$(FUZZ_TARGETS:%=fuzz-%): fuzz-build
	sh tests/fuzz/run.sh $(@:fuzz-%=%) $(FUZZ_SECONDS)

fuzz: fuzz-build
	for t in $(FUZZ_TARGETS); do sh tests/fuzz/run.sh $$t $(FUZZ_SECONDS) || exit 1; done

# ---- ThreadSanitizer: tests/threads/threads.c makes the same calls from
# eight threads against one model, with the library built by clang
# -fsanitize=thread in build-tsan/. Any race TSan sees fails the run.
.PHONY: test-tsan

$(BUILD)/threads: tests/threads/threads.c $(BUILD)/libcasc.a
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -pthread -o $@ $< $(BUILD)/libcasc.a $(LDLIBS)

test-tsan:
	$(MAKE) BUILD=build-tsan CC=clang OPT=-O1 SAN=-fsanitize=thread build-tsan/threads
	TSAN_OPTIONS=halt_on_error=1 build-tsan/threads sql-fixtures/model.yaml sql-fixtures/*.casc

# ---- the semantic harness: casc's SQL on a real PostgreSQL against a
# reference evaluator, golden and random rules (tests/semantic/README.md).
#   make semantic CASC_SEMANTIC_RULES=100000 CASC_SEMANTIC_SEED=7
# `make test` runs it too, as $(BUILD)/tests/semantic.
SEM_OBJ  := $(patsubst tests/semantic/%.c,$(BUILD)/semantic/%.o,$(wildcard tests/semantic/*.c))
SEM_DATA := $(BUILD)/semantic/data/.generated
PQ_CFLAGS := $(shell pkg-config --cflags libpq 2>/dev/null || echo -I/usr/include/postgresql)
PQ_LIBS   := $(shell pkg-config --libs libpq 2>/dev/null || echo -lpq)
.PHONY: semantic

$(BUILD)/semantic/%.o: tests/semantic/%.c $(GEN)/parser.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(PQ_CFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/tests/semantic: $(SEM_OBJ) $(BUILD)/libcasc.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $(SEM_OBJ) $(BUILD)/libcasc.a $(PQ_LIBS) $(LDLIBS)

$(SEM_DATA): tests/semantic/gen_data.py tests/semantic/clock.txt
	python3 tests/semantic/gen_data.py $(dir $@)
	@touch $@

test: $(BUILD)/tests/semantic $(SEM_DATA)

semantic: $(BUILD)/tests/semantic $(SEM_DATA)
	$(BUILD)/tests/semantic
