#!/usr/bin/python3
"""Deterministic choice of the news dev set articles from the ANT corpus.

Articles of 200-600 words (whitespace-separated, body only) are shuffled per
category with a fixed seed; the first QUOTA[category] of each are taken.
Writes DOCNO.txt (title, a newline, then the body with paragraph breaks) under
test/news_dev/articles/ for each chosen article not yet there, and prints the
chosen ids.  Re-running gives the same ids and the same texts.

usage: select.py [CORPUS_DIR]   (default ../shared/corpora/ant)
"""
import os
import random
import sys

SEED = 20261201
MIN_WORDS, MAX_WORDS = 200, 600
QUOTA = {"localNews": 7, "internationalNews": 6, "politic": 5, "sport": 5,
         "economy": 4, "society": 4, "diverse": 4, "culture": 4, "technology": 4}
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from newsdev import unescape  # noqa: E402


def read_corpus(path):
    with open(os.path.join(path, "articles.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            docno, cat, published, title, body = line.rstrip("\n").split("\t")
            yield docno, cat, unescape(title), unescape(body)


def choose(rows):
    chosen = []
    for cat in sorted(QUOTA):
        pool = sorted((r for r in rows if r[1] == cat
                       and MIN_WORDS <= len(r[3].split()) <= MAX_WORDS),
                      key=lambda r: r[0])
        random.Random(f"{SEED}:{cat}").shuffle(pool)
        chosen += pool[:QUOTA[cat]]
    return chosen


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        HERE, "..", "..", "..", "shared", "corpora", "ant")
    out = os.path.join(HERE, "articles")
    os.makedirs(out, exist_ok=True)
    for docno, cat, title, body in choose(list(read_corpus(corpus))):
        p = os.path.join(out, docno + ".txt")
        if not os.path.exists(p):
            with open(p, "w", encoding="utf-8") as f:
                f.write(title + "\n" + body + "\n")
        print(docno, cat, len(body.split()))


if __name__ == "__main__":
    main()
