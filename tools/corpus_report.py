#!/usr/bin/python3
"""Top entity values per type over a corpus, for reading the output as a user would.

Runs the entity core (test/ner_cli, `make test/ner_cli`; the shipped gazetteer
and tagger) over every document and prints, per type, the most frequent
`normalized` values (the grouping key a BI chart would use) with the number of
mentions, of documents, and the most frequent surface form with its share.

CORPUS is a directory holding articles.tsv (the ../shared/corpora/ant layout:
COPY text format, header, columns docno, category, published, title, body;
title and body are one document), such a .tsv file, or a plain text file
(one document a line).

usage: corpus_report.py CORPUS [--top N] [--types person,organization,...]
                        [--limit DOCS] [--cli PATH] [--gaz PATH] [--model PATH]
"""
import argparse
import collections
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "test", "news_dev"))
from newsdev import unescape  # noqa: E402  (the COPY text format reader)

TYPES = "person,organization,location,nationality,date,money,percent"


def read_docs(path):
    if os.path.isdir(path):
        path = os.path.join(path, "articles.tsv")
    with open(path, encoding="utf-8") as f:
        if path.endswith(".tsv"):
            next(f)
            for line in f:
                cols = line.rstrip("\n").split("\t")
                yield unescape(cols[3]) + "\n" + unescape(cols[4])
        else:
            for line in f:
                if line.strip():
                    yield line.rstrip("\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--top", type=int, default=20)
    ap.add_argument("--types", default=TYPES)
    ap.add_argument("--limit", type=int, default=None, help="only the first DOCS documents")
    ap.add_argument("--cli", default=os.path.join(ROOT, "test", "ner_cli"))
    ap.add_argument("--gaz", default=os.path.join(ROOT, "data", "gazetteer.tsv"))
    default_model = os.path.join(ROOT, "data", "ner_model.tsv")
    ap.add_argument("--model", default=default_model if os.path.exists(default_model) else "")
    a = ap.parse_args()

    docs = list(read_docs(a.corpus))[:a.limit]
    inp = "".join(d.replace("\r", " ").replace("\n", " ") + "\n" for d in docs)
    cmd = [a.cli, a.gaz] + (["--model", a.model] if a.model else [])
    out = subprocess.run(cmd, input=inp, capture_output=True, text=True, check=True).stdout

    mentions = collections.defaultdict(collections.Counter)   # type -> value -> n
    in_docs = collections.defaultdict(lambda: collections.defaultdict(set))
    surfaces = collections.defaultdict(lambda: collections.defaultdict(collections.Counter))
    lines = inp.split("\n")
    for row in out.splitlines():
        ln, typ, start, length, norm = (row.split("\t") + [""])[:5]
        start, length = int(start) - 1, int(length)
        surface = lines[int(ln) - 1][start:start + length]
        mentions[typ][norm] += 1
        in_docs[typ][norm].add(ln)
        surfaces[typ][norm][surface] += 1

    print(f"{len(docs)} documents, {sum(sum(c.values()) for c in mentions.values())} entities")
    for typ in a.types.split(","):
        c = mentions.get(typ, collections.Counter())
        print(f"\n== {typ}: {sum(c.values())} mentions, {len(c)} distinct values")
        print(f"{'rank':>4} {'mentions':>8} {'docs':>5}  normalized  |  most frequent surface (share)")
        for k, (norm, n) in enumerate(c.most_common(a.top), 1):
            surf, sn = surfaces[typ][norm].most_common(1)[0]
            print(f"{k:>4} {n:>8} {len(in_docs[typ][norm]):>5}  {norm}  |  {surf} ({sn / n:.0%})")


if __name__ == "__main__":
    main()
