# mk/newsdev.mk: measuring entities on real news (README, "Measuring on news").
#   make news-dev                       P/R/F1 per class on test/news_dev (offline)
#   make corpus-report [CORPUS=DIR] [TOP=N]   top entity values per type over a corpus

CORPUS ?= ../shared/corpora/ant
TOP ?= 20

# The entity core's command-line driver (test/ner_cli.c), also used by
# test/eval_ner_offline.py and tools/train_ner.py.
test/ner_cli: test/ner_cli.c $(CORE_SRCS) $(wildcard src/core/*.h)
	$(CC) -std=c99 -O2 -D_GNU_SOURCE $(WARN) -Isrc/core $(ICU_CFLAGS) -o $@ test/ner_cli.c $(CORE_SRCS) $(ICU_LIBS)

.PHONY: news-dev corpus-report
news-dev: test/ner_cli
	python3 test/eval_news_dev.py --errors 30

corpus-report: test/ner_cli
	python3 tools/corpus_report.py $(CORPUS) --top $(TOP)

EXTRA_CLEAN += test/ner_cli

# The same measure through ar_entities in a running server (PGHOST, PGPORT,
# PGDATABASE, PGUSER as for psql; e.g. the `make demo` cluster).
.PHONY: news-dev-server
news-dev-server:
	python3 test/eval_news_dev.py --server

# The news training set (test/news_train/README.md): disjoint from the dev set,
# every span checked, tokens and BIO tags as tools/train_ner.py would read them.
.PHONY: news-train
news-train: test/ner_cli
	python3 test/news_train/select.py --check
	python3 tools/news_train.py --stats
