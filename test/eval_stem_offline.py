#!/usr/bin/python3
"""Offline conflation precision/recall/F1 of the pg_arabic stemmer.

Counts pairs the same way as ../shared/eval/eval_stem.py: items are the
distinct (form, lemma) pairs of content words (UPOS NOUN VERB ADJ PROPN ADV
NUM X) of a form<TAB>lemma<TAB>upos file; two items should share a stem
exactly when they share a lemma.  Stems come from test/stem_cli (built from
the same core as the ar_stem dictionary), so no server is needed.

usage: eval_stem_offline.py LEMMA_TSV [--cli PATH] [--stop FILE] [--root] [--errors N]
  --stop FILE the dictionary's stopword list (default: data/pg_arabic.stop);
              a stopword keeps its own class, as with ts_lexize
  --errors N  also list the N largest wrongly merged and wrongly split groups
"""
import argparse
import collections
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "scripts", "measure"))
from conflation import CONTENT, conflation, pairs  # noqa: E402  (the pair counting stem.py uses)


def read_items(path):
    items = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 3 and parts[2] in CONTENT and parts[0] and parts[1]:
                items.add((parts[0], parts[1]))
    return sorted(items)


def run_cli(cli, args, words):
    r = subprocess.run([cli] + args, input="\n".join(words) + "\n",
                       capture_output=True, text=True, check=True)
    out = r.stdout.split("\n")
    if len(out) < len(words):
        sys.exit("stem_cli returned %d lines for %d words" % (len(out), len(words)))
    # like ts_lexize: an empty answer keeps the word as its own class
    return {w: (s if s else w) for w, s in zip(words, out)}


def show_errors(items, stem, n):
    by_stem = collections.defaultdict(set)
    by_lemma = collections.defaultdict(set)
    for f, l in items:
        by_stem[stem[f]].add((f, l))
        by_lemma[l].add((f, stem[f]))
    merged = sorted(by_stem.items(),
                    key=lambda kv: -(pairs(len(kv[1])) -
                                     sum(pairs(c) for c in collections.Counter(l for _, l in kv[1]).values())))
    print("-- stems merging several lemmas")
    for s, group in merged[:n]:
        lemmas = collections.Counter(l for _, l in group)
        if len(lemmas) > 1:
            print(s, dict(lemmas))
    split = sorted(by_lemma.items(), key=lambda kv: -len({s for _, s in kv[1]}))
    print("-- lemmas split over several stems")
    for l, group in split[:n]:
        print(l, sorted(group))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tsv")
    ap.add_argument("--cli", default=os.path.join(HERE, "stem_cli"))
    ap.add_argument("--root", action="store_true")
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--stop", default=os.path.join(HERE, "..", "data", "pg_arabic.stop"))
    a = ap.parse_args()
    items = read_items(a.tsv)
    words = sorted({f for f, _ in items})
    args = ["--root"] if a.root else []
    if a.stop and os.path.exists(a.stop):
        args += ["--stop", a.stop]
    stem = run_cli(a.cli, args, words)
    print("items=%d forms=%d lemmas=%d" % (len(items), len(words), len({l for _, l in items})))
    p, r, f = conflation(items, stem)
    print("%-8s P=%.3f R=%.3f F1=%.3f" % ("ar_root" if a.root else "ar_stem", p, r, f))
    if a.errors:
        show_errors(items, stem, a.errors)


if __name__ == "__main__":
    main()
