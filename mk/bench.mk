# mk/bench.mk: `make bench`, throughput and scaling figures (not part of `make test`).
# Core stages without a server, then ratios inside PostgreSQL: test/bench/run.sh.

# Entities join the core benchmark once their header exists.
BENCH_DEFS = $(if $(wildcard src/core/ar_entities.h),-DAR_BENCH_ENTITIES)

test/bench/core_bench: test/bench/core_bench.c $(CORE_SRCS) $(wildcard src/core/*.h)
	$(CC) -std=c99 -O2 $(WARN) -Isrc/core $(ICU_CFLAGS) $(BENCH_DEFS) -o $@ test/bench/core_bench.c $(CORE_SRCS) $(ICU_LIBS)

.PHONY: bench
bench:
	bash test/bench/run.sh

EXTRA_CLEAN += test/bench/core_bench
