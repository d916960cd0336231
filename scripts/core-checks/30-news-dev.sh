#!/bin/bash
# scripts/core-checks/30-news-dev.sh: entity quality on the news dev set must
# not fall below a floor (well under today's micro F1 of 0.53, to catch a
# regression, not to pin a figure).  Offline, under a second.
source "$(dirname "$0")/../common.sh"
cd "$TOP"
make -s --no-print-directory test/ner_cli
python3 test/eval_news_dev.py --min-f1 "${NEWS_DEV_MIN_F1:-0.45}"
