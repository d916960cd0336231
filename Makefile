# pg_arabic: Arabic normalization, full-text search and entity extraction.
#
#   make test       install what is missing, build, run every test (README)
#   make demo       build, install, start a throwaway cluster, show a tour
#   make demo-stop  stop that cluster
# Plain `make` / `make install` are the usual PGXS targets.

EXTENSION = pg_arabic
MODULE_big = pg_arabic
CORE_SRCS = $(sort $(wildcard src/core/*.c))
PG_SRCS = $(sort $(wildcard src/pg/*.c))
OBJS = $(CORE_SRCS:.c=.o) $(PG_SRCS:.c=.o)
# PGXS tracks no header dependencies: rebuild every object when a header
# changes (a struct that grew, like ar_tokenizer, must not meet stale code)
$(OBJS): $(wildcard src/core/*.h src/pg/*.h)
# 1.0 is released: its script is frozen as shipped.  The 1.1 scripts are
# built from src/*.sql.in (the shipped gazetteer rows are a data file now).
DATA = pg_arabic--1.0.sql
DATA_built = pg_arabic--1.1.sql pg_arabic--1.0--1.1.sql
DATA_TSEARCH = $(wildcard data/*.stop)
PGFILEDESC = "pg_arabic - Arabic text processing"

# ?=: `REGRESS="dict normalize" make test` runs only those suites
REGRESS ?= $(sort $(patsubst sql/%.sql,%,$(wildcard sql/*.sql)))
REGRESS_OPTS = --load-extension=pg_arabic

ICU_CFLAGS := $(shell pkg-config --cflags icu-uc 2>/dev/null)
ICU_LIBS := $(shell pkg-config --libs icu-uc 2>/dev/null || echo -licuuc)
WARN = -Wall -Wextra -Werror -Wno-unused-parameter -Wno-missing-field-initializers

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs 2>/dev/null)

ifneq ($(PGXS),)
# PostgreSQL's headers are system headers here: -Werror covers our code only.
PG_CPPFLAGS = -isystem $(shell $(PG_CONFIG) --includedir-server) -Isrc/core $(ICU_CFLAGS)
PG_CFLAGS = $(WARN)
SHLIB_LINK = $(ICU_LIBS)
# no LLVM bitcode: it would need clang on every machine, for no gain here
override with_llvm = no
include $(PGXS)
else
all:
	@echo "pg_config not found: run 'make test' or 'make demo' (they install it), or set PG_CONFIG"
endif

# The install and upgrade scripts.
pg_arabic--%.sql: src/pg_arabic--%.sql.in
	cp $< $@

# The learned entity tagger, its word clusters and the shipped gazetteer rows
# (UTF-8 whatever the database encoding, read by the C code), under names of
# their own in share/extension.
install: install-model install-gazetteer
.PHONY: install-model install-gazetteer
install-model:
	$(INSTALL_DATA) data/ner_model.tsv '$(DESTDIR)$(datadir)/extension/pg_arabic_ner_model.tsv'
	$(INSTALL_DATA) data/ner_clusters.tsv '$(DESTDIR)$(datadir)/extension/pg_arabic_ner_clusters.tsv'
install-gazetteer:
	$(INSTALL_DATA) data/gazetteer.tsv '$(DESTDIR)$(datadir)/extension/pg_arabic_gazetteer.tsv'

# Retrain the tagger (data/NER_MODEL.md): `make train-ner`; relearn its word
# clusters from the ANT corpus first with `make ner-clusters`.
ANERCORP ?= ../shared/eval/data/ner/anercorp-train.tsv
ANT_ARTICLES ?= ../shared/corpora/ant/articles.tsv
tools/ner_clusters: tools/ner_clusters.c $(CORE_SRCS) $(wildcard src/core/*.h)
	$(CC) -std=c99 -O2 -D_GNU_SOURCE $(WARN) -Isrc/core $(ICU_CFLAGS) -o $@ tools/ner_clusters.c $(CORE_SRCS) $(ICU_LIBS) -lm
.PHONY: train-ner ner-clusters
train-ner: test/ner_cli
	python3 tools/train_ner.py $(ANERCORP)
ner-clusters: tools/ner_clusters
	python3 tools/anercorp.py $(ANERCORP) --to 3500 > anercorp-0-3499.txt
	tools/ner_clusters --tsv $(ANT_ARTICLES) --text anercorp-0-3499.txt > data/ner_clusters.tsv.tmp
	mv data/ner_clusters.tsv.tmp data/ner_clusters.tsv
	rm -f anercorp-0-3499.txt

# Core unit tests: the core alone, no server.
UNIT_SRCS = $(sort $(wildcard test/test_*.c)) test/unit_main.c
test/unit: $(UNIT_SRCS) $(CORE_SRCS) $(wildcard src/core/*.h) test/unit.h
	$(CC) -std=c99 -O1 -g $(WARN) -Isrc/core -Itest $(ICU_CFLAGS) -o $@ $(UNIT_SRCS) $(CORE_SRCS) $(ICU_LIBS)

.PHONY: unit test demo demo-stop print-regress
unit: test/unit
	./test/unit

test:
	bash scripts/test.sh

demo:
	bash scripts/demo.sh

demo-stop:
	bash scripts/demo-stop.sh

print-regress:
	@echo $(REGRESS)

EXTRA_CLEAN = test/unit tools/ner_clusters results regression.diffs regression.out build

# Further targets (fuzz, sanitizers, bench) live in mk/, one file per concern.
-include $(sort $(wildcard mk/*.mk))
