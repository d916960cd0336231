#!/bin/bash
# scripts/core-checks/31-news-train.sh: the news training set stays disjoint
# from the news dev set (no dev article id among its articles), every span is
# valid (offsets give the surface, whole words, disjoint) and fits the
# engine's tokens as tools/news_train.py reads it.  Offline, about a second.
source "$(dirname "$0")/../common.sh"
cd "$TOP"
make -s --no-print-directory test/ner_cli
python3 test/news_train/select.py --check
python3 tools/news_train.py --stats
