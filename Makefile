# rotaplan: plans the rotations of medical residents with GLPK.
#
#   make deps       install the Debian packages the build needs (apt-get; sudo when not root)
#   make            build/rotaplan and build/librotaplan.a
#   make run        deps, build, plan the default cohort of the embedded default model
#   make test       build and run every test (unit, rules, bad input, end to end), TEST_JOBS
#                   (default 2) at once where they measure no time (tests/parallel.sh)
#   make test-asan  the same under AddressSanitizer and UndefinedBehaviorSanitizer
#   make test-browser  the HTML report of each programme's default plan in headless Chromium
#                   (runs deps-browser first: installs Debian's chromium and a Japanese font,
#                   for this test only)
#   make test-valgrind  the loaders over the fuzz corpora, then tests/cli.sh, under valgrind
#   make deps-fuzz  install clang (libFuzzer) for `make fuzz`; the normal build does not need it
#   make fuzz       each libFuzzer harness of tests/fuzz/ for FUZZ_SECONDS (default 60)
#   make bench      scripts/bench
#   make po-update  the message catalogue po/ja.po brought up to date with the sources (gettext)
#   make clean

CC      ?= cc
BUILD   ?= build
SANITIZE ?=
OPT     ?= -O2
CFLAGS  ?=
WARN    = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
BASE_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(OPT) -g $(WARN) -Iinclude -Isrc -I$(BUILD)/gen $(SANITIZE)
DEB_PACKAGES = libglpk-dev libyaml-dev libcmocka-dev libxlsxwriter-dev gettext pkg-config
# what the tests read back with (tests/report.sh: the workbook through openpyxl; the CSV
# conversions through iconv, which libc gives; tests/lang.sh: the locale ja_JP.UTF-8, whose
# definition Debian's locales holds and localedef compiles)
TEST_PACKAGES = python3-openpyxl locales
JA_LOCALE = ja_JP.UTF-8

PKG_CFLAGS = $(shell pkg-config --cflags yaml-0.1 xlsxwriter 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs yaml-0.1 2>/dev/null || echo -lyaml) \
             $(shell pkg-config --libs xlsxwriter 2>/dev/null || echo -lxlsxwriter -lz)
CMOCKA_CFLAGS = $(shell pkg-config --cflags cmocka 2>/dev/null)
CMOCKA_LIBS   = $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)
LIBS = $(PKG_LIBS) -lglpk -lm

DEFAULT_MODEL = models/radiology-keio-2019.yaml

LIB_SRC  = $(sort $(shell find src -name '*.c' ! -path 'src/main.c'))
LIB_OBJ  = $(patsubst src/%.c,$(BUILD)/obj/%.o,$(LIB_SRC)) $(BUILD)/obj/gen/default_model.o
LIB      = $(BUILD)/librotaplan.a
BIN      = $(BUILD)/rotaplan
TEST_SRC = $(sort $(wildcard tests/unit/test_*.c tests/rules/test_*.c))
TEST_BIN = $(patsubst tests/%.c,$(BUILD)/tests/%,$(TEST_SRC))
TEST_SUPPORT = tests/support.c tests/unit/randprob.c
TEST_SUPPORT_H = tests/support.h tests/unit/randprob.h
TEST_SUPPORT_OBJ = $(patsubst tests/%.c,$(BUILD)/obj/tests/%.o,$(TEST_SUPPORT))
FUZZ_HARNESSES = model residents plan
FUZZ_SECONDS ?= 60
FUZZ_CC ?= clang
REPLAY_BIN = $(patsubst %,$(BUILD)/tests/fuzz/replay_%,$(FUZZ_HARNESSES))
FUZZ_SANITIZE = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

.PHONY: all deps deps-browser deps-fuzz deps-valgrind run test tests test-run test-unit \
        test-replay test-cli test-asan test-browser test-valgrind fuzz fuzz-build bench clean \
        po-update

# the message catalogues (po/*.po, GNU gettext), compiled where the binary looks for them
LOCALES = $(patsubst po/%.po,$(BUILD)/locale/%/LC_MESSAGES/rotaplan.mo,$(wildcard po/*.po))

all: $(BIN) $(LIB) $(LOCALES)

$(BUILD)/locale/%/LC_MESSAGES/rotaplan.mo: po/%.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@.tmp $< && mv $@.tmp $@

$(BUILD)/obj/main.o: CFLAGS += -DRP_LOCALEDIR='"$(abspath $(BUILD))/locale"'

# After changing a message: `make po-update` extracts every marked string (_(), N_(), P_(), the
# format of rp_finding_add) into $(BUILD)/rotaplan.pot and merges it into each po/*.po (new
# entries empty, changed ones fuzzy: both show English until translated); then translate them.
XGETTEXT_FLAGS = --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --keyword=P_:1,2 \
                 --keyword=rp_finding_add:10 --flag=rp_finding_add:10:c-format \
                 --keyword=rp_diag_add:7 --flag=rp_diag_add:7:c-format \
                 --keyword=rp_yerror:3 --flag=rp_yerror:3:c-format \
                 --keyword=rp_yerror_pos:3 --flag=rp_yerror_pos:3:c-format \
                 --keyword=rp_ywarning:3 --flag=rp_ywarning:3:c-format \
                 --keyword=rp_csv_error:3 --flag=rp_csv_error:3:c-format \
                 --keyword=cell_error:3 --flag=cell_error:3:c-format \
                 --keyword=scan_error:4 --flag=scan_error:4:c-format \
                 --package-name=rotaplan --sort-by-file --no-wrap
po-update:
	@mkdir -p $(BUILD)
	xgettext $(XGETTEXT_FLAGS) -o $(BUILD)/rotaplan.pot $(sort $(shell find src -name '*.[ch]'))
	@for po in po/*.po; do msgmerge --quiet --update --backup=none --no-wrap --no-fuzzy-matching $$po $(BUILD)/rotaplan.pot && \
	  msgattrib --no-obsolete --no-wrap -o $$po $$po && \
	  msgfmt --check --statistics -o $(BUILD)/po-check.mo $$po; done


deps:
	@missing=""; \
	[ -f /usr/include/glpk.h ] || missing="$$missing libglpk-dev"; \
	command -v pkg-config >/dev/null 2>&1 || missing="$$missing pkg-config"; \
	pkg-config --exists yaml-0.1 2>/dev/null || missing="$$missing libyaml-dev"; \
	pkg-config --exists cmocka 2>/dev/null || missing="$$missing libcmocka-dev"; \
	pkg-config --exists xlsxwriter 2>/dev/null || missing="$$missing libxlsxwriter-dev"; \
	command -v msgfmt >/dev/null 2>&1 || missing="$$missing gettext"; \
	/usr/bin/python3 -c 'import openpyxl' 2>/dev/null || missing="$$missing $(TEST_PACKAGES)"; \
	[ -f /usr/share/i18n/locales/ja_JP ] || missing="$$missing locales"; \
	if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(DEB_PACKAGES) \
	    $(TEST_PACKAGES) >/dev/null; \
	else echo "deps: $(DEB_PACKAGES) $(TEST_PACKAGES) present"; fi; \
	locale -a 2>/dev/null | grep -qix 'ja_JP.utf-*8' || { echo "generating the locale $(JA_LOCALE)"; \
	  $$SUDO localedef -i ja_JP -f UTF-8 $(JA_LOCALE); }

# The browser test's only dependencies, kept apart from deps: the build and `make test` need
# none. chromium renders the report; fonts-ipafont-gothic (3.5 MB) gives it Japanese glyphs.
BROWSER_PACKAGES = chromium fonts-ipafont-gothic
deps-browser:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	[ -d /usr/share/fonts/opentype/ipafont-gothic ] || \
	  fc-list :lang=ja 2>/dev/null | grep -q . || missing="$$missing fonts-ipafont-gothic"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	else echo "deps-browser: $(BROWSER_PACKAGES) present"; fi

$(BUILD)/gen/default_model.c: $(DEFAULT_MODEL) scripts/embed
	@mkdir -p $(dir $@)
	scripts/embed rp_default_model $< > $@.tmp && mv $@.tmp $@

$(BUILD)/obj/gen/default_model.o: $(BUILD)/gen/default_model.c
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(CFLAGS) -c $< -o $@

$(BUILD)/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(PKG_CFLAGS) $(CFLAGS) -MMD -MP -c $< -o $@

$(LIB): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BIN): $(BUILD)/obj/main.o $(LIB)
	$(CC) $(BASE_CFLAGS) $(CFLAGS) $^ $(LIBS) -o $@

# the tests' support, compiled once for every test program
$(TEST_SUPPORT_OBJ): $(BUILD)/obj/tests/%.o: tests/%.c $(TEST_SUPPORT_H)
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(CMOCKA_CFLAGS) $(CFLAGS) -Itests -c $< -o $@

$(BUILD)/tests/%: tests/%.c $(TEST_SUPPORT_OBJ) $(TEST_SUPPORT_H) $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(CMOCKA_CFLAGS) $(CFLAGS) -Itests $< $(TEST_SUPPORT_OBJ) $(LIB) $(CMOCKA_LIBS) $(LIBS) -o $@

# the seed corpus and every input a fuzzer crashed on, through the harnesses without libFuzzer
$(BUILD)/tests/fuzz/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.c tests/fuzz/replay.c \
                              tests/fuzz/fuzz_common.h $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(CFLAGS) -Itests/fuzz tests/fuzz/fuzz_$*.c tests/fuzz/fuzz_common.c \
	  tests/fuzz/replay.c $(LIB) $(LIBS) -o $@

run: deps
	@$(MAKE) --no-print-directory all
	$(BIN) plan

# ---- running the tests: TEST_JOBS at once (tests/parallel.sh: each one's output printed whole
# when it ends, a failure fails the target once all have run) ----
TEST_JOBS ?= 2
# the build under `make test` runs TEST_JOBS compilers at once, unless make already has -j
BUILD_JOBS = $(if $(findstring jobserver,$(MAKEFLAGS)),,-j$(TEST_JOBS))
# the test programs, the longest first (they are started in this order)
SLOW_TEST_BIN = $(BUILD)/tests/unit/test_pipeline $(BUILD)/tests/unit/test_shape \
                $(BUILD)/tests/rules/test_block_length $(BUILD)/tests/unit/test_counting
UNIT_CMDS = $(filter $(TEST_BIN),$(SLOW_TEST_BIN)) $(filter-out $(SLOW_TEST_BIN),$(TEST_BIN))
# each harness over its seed corpus and every input a fuzzer crashed on
REPLAY_CMDS = $(foreach h,$(FUZZ_HARNESSES),'$(BUILD)/tests/fuzz/replay_$(h) $$(find \
  tests/fuzz/corpus/$(h) $$(ls -d tests/fuzz/regressions/$(h) 2>/dev/null) -type f | sort)')
# the shell suites that measure no time and load nothing on purpose, the longest first
LONG_SUITES = hostile whatif
SHORT_SUITES = desk cli report options rules lang
LONG_SUITE_CMDS = $(foreach s,$(LONG_SUITES),'ROTAPLAN=$(BIN) tests/$(s).sh')
SHORT_SUITE_CMDS = $(foreach s,$(SHORT_SUITES),'ROTAPLAN=$(BIN) tests/$(s).sh')
SUITE_CMDS = $(LONG_SUITE_CMDS) $(SHORT_SUITE_CMDS)
# then alone, one after the other: determinism.sh loads every core on purpose, and
# interrupt.sh measures how soon a signal stops the program (nothing else may share the cores)
ALONE_SUITES = determinism interrupt
RUN_ALONE = @for s in $(ALONE_SUITES); do ROTAPLAN=$(BIN) tests/$$s.sh || exit 1; done

test: deps
	@$(MAKE) --no-print-directory $(BUILD_JOBS) all tests
	@$(MAKE) --no-print-directory test-run

tests: $(TEST_BIN) $(REPLAY_BIN)

# every test: the test programs, the replays and the shell suites in one pool, then the suites
# that must run alone
test-run: all tests
	@tests/parallel.sh $(TEST_JOBS) $(LONG_SUITE_CMDS) $(UNIT_CMDS) $(SHORT_SUITE_CMDS) \
	  $(REPLAY_CMDS)
	$(RUN_ALONE)

test-unit: $(TEST_BIN)
	@tests/parallel.sh $(TEST_JOBS) $(UNIT_CMDS)

test-replay: $(REPLAY_BIN)
	@tests/parallel.sh $(TEST_JOBS) $(REPLAY_CMDS)

test-cli: $(BIN)
	@tests/parallel.sh $(TEST_JOBS) $(SUITE_CMDS)
	$(RUN_ALONE)

test-browser: deps deps-browser
	@$(MAKE) --no-print-directory all
	@ROTAPLAN=$(BIN) BROWSER_OUT=$(BUILD)/browser tests/browser.sh

ASAN_MAKE = $(MAKE) --no-print-directory BUILD=build/asan OPT=-O1 \
  SANITIZE="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
test-asan:
	@$(ASAN_MAKE) $(BUILD_JOBS) all tests
	@ASAN_OPTIONS=detect_leaks=1 $(ASAN_MAKE) test-run

# ---- valgrind memcheck on the end-to-end tests (separate: ASan and valgrind do not mix) ----

deps-valgrind:
	@if command -v valgrind >/dev/null 2>&1; then echo "deps-valgrind: valgrind present"; else \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq valgrind >/dev/null; fi

VALGRIND = valgrind --quiet --error-exitcode=99 --leak-check=full \
  --errors-for-leak-kinds=definite,indirect
# tests/cli.sh twice at once, each run with every other command under valgrind (the others as
# they are: tests/valgrind-rotaplan's shards; every command goes under valgrind once), then the
# loaders over the fuzz corpora
VALGRIND_SHARDS = 2
VALGRIND_CLI = $(foreach k,$(shell seq 0 $$(($(VALGRIND_SHARDS) - 1))),'VALGRIND_BIN=$(BIN) \
  VALGRIND_SHARD=$(k)/$(VALGRIND_SHARDS) VALGRIND_COUNT=$(BUILD)/valgrind-shard-$(k).count \
  ROTAPLAN=tests/valgrind-rotaplan tests/cli.sh')
test-valgrind: deps deps-valgrind
	@$(MAKE) --no-print-directory $(BUILD_JOBS) all $(REPLAY_BIN)
	@rm -f $(BUILD)/valgrind-shard-*.count
	@tests/parallel.sh $(TEST_JOBS) $(VALGRIND_CLI) \
	  $(foreach h,$(FUZZ_HARNESSES),'$(VALGRIND) $(BUILD)/tests/fuzz/replay_$(h) $$(find \
	    tests/fuzz/corpus/$(h) $$(ls -d tests/fuzz/regressions/$(h) 2>/dev/null) -type f | sort)')

# ---- fuzzing (clang's libFuzzer, with ASan and UBSan; one process, one core) ----

# clang, and libFuzzer's runtime (libclang-rt-dev on Debian 12) when clang cannot link a fuzzer
deps-fuzz:
	@if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	probe() { printf '%s\n' 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n);' \
	  'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; return !n; }' | \
	  $(FUZZ_CC) -x c -fsanitize=fuzzer -o /dev/null - >/dev/null 2>&1; }; \
	if probe; then echo "deps-fuzz: $(FUZZ_CC) with libFuzzer present"; else \
	  echo "installing: clang libclang-rt-dev"; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq clang >/dev/null && \
	  { probe || DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libclang-rt-dev \
	    >/dev/null; } && probe; fi

fuzz-build: deps deps-fuzz
	@$(MAKE) --no-print-directory $(BUILD_JOBS) BUILD=build/fuzz CC=$(FUZZ_CC) OPT=-O1 \
	  SANITIZE="-fsanitize=fuzzer-no-link $(FUZZ_SANITIZE)" build/fuzz/librotaplan.a
	@for h in $(FUZZ_HARNESSES); do \
	  $(FUZZ_CC) -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O1 -g $(WARN) -Iinclude \
	    -Isrc -Itests/fuzz -fsanitize=fuzzer $(FUZZ_SANITIZE) tests/fuzz/fuzz_$$h.c \
	    tests/fuzz/fuzz_common.c build/fuzz/librotaplan.a $(LIBS) -o build/fuzz/fuzz_$$h || exit 1; \
	done

# Each harness for FUZZ_SECONDS (one process, one core: TEST_JOBS harnesses at once); new inputs
# go to build/fuzz/corpus/<harness>, crashes to build/fuzz/crashes/ (copy each to
# tests/fuzz/regressions/<harness>/ once fixed).
fuzz: fuzz-build
	@tests/parallel.sh $(TEST_JOBS) $(foreach h,$(FUZZ_HARNESSES),'$(MAKE) --no-print-directory fuzz-run-$(h)')

fuzz-run-%:
	@mkdir -p build/fuzz/corpus/$* build/fuzz/crashes
	@echo "== fuzz_$* for $(FUZZ_SECONDS) s"
	@ASAN_OPTIONS=detect_leaks=1 build/fuzz/fuzz_$* build/fuzz/corpus/$* tests/fuzz/corpus/$* \
	  -dict=tests/fuzz/$*.dict -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
	  -max_len=65536 \
	  -print_final_stats=1 -artifact_prefix=build/fuzz/crashes/$*- 2>build/fuzz/$*.log || \
	  { tail -40 build/fuzz/$*.log; echo "fuzz_$*: failed, see build/fuzz/$*.log"; exit 1; }
	@grep -E '^stat::number_of_executed_units|^#[0-9]+.*DONE' build/fuzz/$*.log | tail -2

bench: all
	scripts/bench

clean:
	rm -rf $(BUILD) build

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
