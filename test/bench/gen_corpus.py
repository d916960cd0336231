#!/usr/bin/env python3
"""Benchmark corpus: N MB of Arabic news text, one ~2 KB document per line.

Sentences come from demo/articles.tsv and, when the directory exists, from the
development data next to the repository (../shared/eval/data: ir/docs.tsv
paragraphs, ner/*.tsv sentences).  They are shuffled with a fixed seed and
packed into documents, so the corpus is reproducible and its word statistics
are those of real text rather than of one article repeated.

usage: gen_corpus.py [--mb 20] [--doc-bytes 2000] [--seed 1] [--data DIR] OUT
Output lines contain no tab, backslash or carriage return: they load with
COPY ... FROM in text format as a one-column table.
"""
import argparse
import glob
import os
import random
import re
import sys

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# Arabic and Latin sentence ends; the delimiter stays with its sentence.
SENT_END = re.compile(r"(?<=[.!?؟۔])\s+")


def clean(s):
    return " ".join(s.replace("\\", " ").split())


def demo_sentences():
    out = []
    with open(os.path.join(TOP, "demo", "articles.tsv"), encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 4:
                continue
            out.append(clean(cols[2]) + ".")
            out.extend(clean(s) for s in SENT_END.split(cols[3]) if s.strip())
    return out


def dev_sentences(data):
    out = []
    for p in sorted(glob.glob(os.path.join(data, "ir", "docs.tsv"))):
        with open(p, encoding="utf-8") as f:
            for line in f:
                para = line.rstrip("\n").split("\t", 1)[-1]
                out.extend(clean(s) for s in SENT_END.split(para) if s.strip())
    for p in sorted(glob.glob(os.path.join(data, "ner", "*.tsv"))):
        words = []
        with open(p, encoding="utf-8") as f:
            for line in f:
                tok = line.split("\t", 1)[0].strip()
                if tok:
                    words.append(tok)
                elif words:
                    out.append(clean(" ".join(words)))
                    words = []
        if words:
            out.append(clean(" ".join(words)))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=20)
    ap.add_argument("--doc-bytes", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--data", default=os.path.join(TOP, "..", "shared", "eval", "data"))
    ap.add_argument("out")
    a = ap.parse_args()

    sents = demo_sentences()
    sources = ["demo/articles.tsv"]
    if os.path.isdir(a.data):
        dev = dev_sentences(a.data)
        if dev:
            sents.extend(dev)
            sources.append("../shared/eval/data")
    sents = [s for s in sents if s]
    rng = random.Random(a.seed)
    target = int(a.mb * 1e6)
    total = 0
    ndocs = 0
    with open(a.out, "w", encoding="utf-8", newline="\n") as f:
        while total < target:
            rng.shuffle(sents)
            doc, size = [], 0
            for s in sents:
                doc.append(s)
                size += len(s.encode("utf-8")) + 1
                if size >= a.doc_bytes:
                    f.write(" ".join(doc) + "\n")
                    total += size
                    ndocs += 1
                    doc, size = [], 0
                    if total >= target:
                        break
    print("corpus: %.1f MB, %d documents, %d distinct sentences from %s"
          % (total / 1e6, ndocs, len(set(sents)), " + ".join(sources)), file=sys.stderr)


if __name__ == "__main__":
    main()
