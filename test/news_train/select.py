#!/usr/bin/python3
"""Deterministic choice of the news TRAINING set articles from the ANT corpus,
disjoint from the news dev set (test/news_dev/).

Pool: the dev set's pool (bodies of 200-600 words, news_dev/select.py) minus
every article id of the dev set (its select.py choice AND its articles/
directory: both are checked).  Each category's pool is sorted by id and
shuffled with the seed "20261202:<category>"; the articles are then taken in
round-robin over the categories (sorted by name; an exhausted category is
skipped), so every prefix of the order is stratified.  The set is the first N
articles of that order (N = --count); a larger N only appends articles.

Writes DOCNO.txt (title, newline, body) under test/news_train/articles/ for
every chosen article not there yet, prints the chosen ids in order, and exits
non-zero if any chosen or annotated training id is a dev id (--check does the
check alone, over what is on disk).

usage: select.py [--count N] [--check] [CORPUS_DIR]
"""
import argparse
import importlib.util
import os
import random
import sys

SEED = 20261202
HERE = os.path.dirname(os.path.abspath(__file__))
DEV = os.path.join(HERE, "..", "news_dev")
ART = os.path.join(HERE, "articles")
sys.path.insert(0, DEV)
import newsdev  # noqa: E402

# the dev set's selection module (named select.py, which would shadow the
# standard module of that name if put on sys.path)
_spec = importlib.util.spec_from_file_location("news_dev_select",
                                               os.path.join(DEV, "select.py"))
devsel = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(devsel)


def dev_ids(rows):
    """Every dev article id: the dev selection's and the dev directory's."""
    on_disk = {os.path.basename(p)[:-4] for p in os.listdir(os.path.join(DEV, "articles"))
               if p.endswith(".txt")}
    return {r[0] for r in devsel.choose(rows)} | on_disk | set(newsdev.ids())


def order(rows, exclude):
    pools = {}
    for cat in sorted({r[1] for r in rows}):
        pool = sorted((r for r in rows if r[1] == cat and r[0] not in exclude
                       and devsel.MIN_WORDS <= len(r[3].split()) <= devsel.MAX_WORDS),
                      key=lambda r: r[0])
        random.Random(f"{SEED}:{cat}").shuffle(pool)
        pools[cat] = pool
    out, k = [], 0
    while any(k < len(p) for p in pools.values()):
        out += [pools[c][k] for c in sorted(pools) if k < len(pools[c])]
        k += 1
    return out


def disjoint_problems(dev, chosen_ids):
    """Training ids (chosen, or present under articles/) that are dev ids."""
    present = {p[:-4] for p in os.listdir(ART) if p.endswith((".txt", ".ann"))}
    present |= {p for p in os.listdir(os.path.join(HERE, "spec"))}
    return sorted((set(chosen_ids) | present) & dev)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=os.path.join(
        HERE, "..", "..", "..", "shared", "corpora", "ant"))
    ap.add_argument("--count", type=int, default=0,
                    help="take the first N of the order (default: the annotated ones)")
    ap.add_argument("--check", action="store_true", help="only check disjointness")
    a = ap.parse_args()
    rows = list(devsel.read_corpus(a.corpus))
    dev = dev_ids(rows)
    ordered = order(rows, dev)
    n = a.count or len(newsdev.ids(ART))
    chosen = ordered[:n]
    bad = disjoint_problems(dev, [r[0] for r in chosen])
    # the annotated articles must be exactly a prefix of the order
    pos = {r[0]: i for i, r in enumerate(ordered)}
    stray = [d for d in newsdev.ids(ART) if pos.get(d, n) >= n]
    if not a.check:
        for docno, cat, title, body in chosen:
            p = os.path.join(ART, docno + ".txt")
            if not os.path.exists(p):
                with open(p, "w", encoding="utf-8") as f:
                    f.write(title + "\n" + body + "\n")
            print(docno, cat, len(body.split()))
    for d in bad:
        print("DEV ID IN TRAINING SET:", d, file=sys.stderr)
    for d in stray:
        print("annotated but not in the first", n, "of the order:", d, file=sys.stderr)
    if a.check and not bad:
        print(f"disjoint: {len(newsdev.ids(ART))} training articles, {len(dev)} dev ids, "
              f"0 shared", file=sys.stderr)
    sys.exit(1 if bad or stray else 0)


if __name__ == "__main__":
    main()
