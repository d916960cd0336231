# mk/fuzz.mk: libFuzzer targets over the core (test/fuzz/fuzz_*.c), built
# with clang under ASan and UBSan into build/fuzz/ (ignored by git).
#
#   make fuzz                     build, run each target FUZZ_SECONDS (20),
#                                 FUZZ_JOBS at a time; fails on any finding
#   make fuzz-build               build only
#   build/fuzz/fuzz_T FILE...     replay inputs (a crash file, a corpus dir)
#
# Seeds are read from test/fuzz/corpus/T; what a run discovers goes to
# build/fuzz/corpus/T (kept between runs) and crashes to build/fuzz/artifacts/T.

FUZZ_CC ?= clang
FUZZ_SECONDS ?= 20
FUZZ_MAX_LEN ?= 4096
FUZZ_JOBS ?= $(shell nproc 2>/dev/null || echo 1)
FUZZ_DIR = build/fuzz
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_CFLAGS = -std=c99 -g -O1 $(FUZZ_SAN) $(WARN) -Isrc/core -Itest/fuzz $(ICU_CFLAGS)

# The entity targets wait for the entity engine to exist.
FUZZ_ENTITY_TARGETS = entities gazetteer
FUZZ_TARGETS = $(patsubst test/fuzz/fuzz_%.c,%,$(sort $(wildcard test/fuzz/fuzz_*.c)))
ifeq ($(wildcard src/core/ar_entities.h),)
FUZZ_TARGETS := $(filter-out $(FUZZ_ENTITY_TARGETS),$(FUZZ_TARGETS))
endif

FUZZ_OBJS = $(patsubst src/core/%.c,$(FUZZ_DIR)/obj/%.o,$(CORE_SRCS))
FUZZ_BINS = $(FUZZ_TARGETS:%=$(FUZZ_DIR)/fuzz_%)

.PHONY: fuzz fuzz-build fuzz-run fuzz-force

$(FUZZ_DIR)/obj/%.o: src/core/%.c $(wildcard src/core/*.h)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_DIR)/fuzz_%: test/fuzz/fuzz_%.c $(wildcard test/fuzz/*.h) $(FUZZ_OBJS)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_OBJS) $(ICU_LIBS)

fuzz-build: $(FUZZ_BINS)

# One run per target; the .run file holds its summary line.
$(FUZZ_DIR)/%.run: $(FUZZ_DIR)/fuzz_% fuzz-force
	@rm -rf $(FUZZ_DIR)/artifacts/$*
	@mkdir -p $(FUZZ_DIR)/corpus/$* $(FUZZ_DIR)/artifacts/$*
	@rm -f $@; \
	UBSAN_OPTIONS=print_stacktrace=1 $(FUZZ_DIR)/fuzz_$* \
		-max_total_time=$(FUZZ_SECONDS) -max_len=$(FUZZ_MAX_LEN) -timeout=10 \
		-rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix=$(FUZZ_DIR)/artifacts/$*/ \
		$(FUZZ_DIR)/corpus/$* $(wildcard test/fuzz/corpus/$*) >$(FUZZ_DIR)/$*.log 2>&1; \
	rc=$$?; \
	execs=$$(sed -n 's/^stat::number_of_executed_units: *//p' $(FUZZ_DIR)/$*.log); \
	if [ $$rc -ne 0 ]; then \
		tail -n 60 $(FUZZ_DIR)/$*.log; \
		echo "fuzz $*: FAILED (exit $$rc); log $(FUZZ_DIR)/$*.log; reproduce with:"; \
		for f in $(FUZZ_DIR)/artifacts/$*/*; do [ -f "$$f" ] && echo "  $(FUZZ_DIR)/fuzz_$* $$f"; done; \
		exit 1; \
	fi; \
	printf 'fuzz %-10s %10s executions in %ss, corpus %s inputs\n' $* "$${execs:-?}" \
		$(FUZZ_SECONDS) "$$(ls $(FUZZ_DIR)/corpus/$* | wc -l)" | tee $@

fuzz-run: $(FUZZ_TARGETS:%=$(FUZZ_DIR)/%.run)

fuzz:
	@$(MAKE) -s --no-print-directory -j$(FUZZ_JOBS) fuzz-build
	@echo "fuzzing $(words $(FUZZ_TARGETS)) targets for $(FUZZ_SECONDS)s each, $(FUZZ_JOBS) at a time"
	@rm -f $(FUZZ_DIR)/*.run
	@$(MAKE) -s --no-print-directory -j$(FUZZ_JOBS) fuzz-run
	@echo "fuzz: no findings ($(words $(FUZZ_TARGETS)) targets:" \
		"$$(cat $(FUZZ_DIR)/*.run | awk '{s += $$3} END {print s}') executions in total)"
	$(if $(filter-out $(FUZZ_TARGETS),$(patsubst test/fuzz/fuzz_%.c,%,$(wildcard test/fuzz/fuzz_*.c))),\
		@echo "fuzz: skipped (src/core/ar_entities.h missing): $(FUZZ_ENTITY_TARGETS)")
