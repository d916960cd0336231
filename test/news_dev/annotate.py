#!/usr/bin/python3
"""Annotation helper for the news dev set (a typing aid, not a tagger).

Reads the annotator's entity list for one article from stdin, one entity a
line, and writes DOCNO.ann (standoff spans) beside DOCNO.txt, then prints the
text with the spans marked for review.  Nothing is guessed: only the names the
annotator typed are marked.

  PER قيس سعيد          every occurrence of the written name
  LOC تونس @2,3         only its 2nd and 3rd occurrences
  ORG الأمم المتحدة      also matches للأمم المتحدة (span لأمم المتحدة, see README)
  X معرض تونس الدولي     not an entity: claims the words so that a shorter listed
                        name inside (تونس) is not marked there

An occurrence is the exact written letters at a word start, or after an
attached clitic و ف ب ك ل (alone or as وب, ول, فب, فل, وك, فك), ending at a
word end.  When two listed names overlap, the longer one wins.
'#' starts a comment.

usage: annotate.py DOCNO < list        write DOCNO.ann and show it
       annotate.py DOCNO --show        show the stored annotation
       --set DIR                       another set (e.g. test/news_train): its
                                       DIR/articles/ instead of the dev set's
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from newsdev import (TYPES, find_occurrences, load, render,  # noqa: E402
                     write_ann, check)


def main():
    args = sys.argv[1:]
    art = os.path.join(HERE, "articles")
    if "--set" in args:
        k = args.index("--set")
        art = os.path.join(args[k + 1], "articles")
        del args[k:k + 2]
    docno = args[0]
    if "--show" in args:
        text, spans = load(docno, art)
        print(render(text, spans))
        return
    text = open(os.path.join(art, docno + ".txt"), encoding="utf-8").read()
    cands = []
    for line in sys.stdin:
        line = line.split("#")[0].strip()
        if not line:
            continue
        typ, rest = line.split(None, 1)
        which = None
        if " @" in rest:
            rest, sel = rest.rsplit(" @", 1)
            which = {int(x) for x in sel.split(",")}
        rest = rest.strip()
        if typ not in TYPES + ("X",):
            sys.exit(f"bad type {typ!r}")
        occ = find_occurrences(text, rest)
        if not occ:
            print(f"WARNING: not found: {typ} {rest}", file=sys.stderr)
        for k, (s, e) in enumerate(occ, 1):
            if which is None or k in which:
                cands.append((s, e, typ))
    # longer spans first; drop any span overlapping a kept one
    kept = []
    for s, e, t in sorted(set(cands), key=lambda x: (-(x[1] - x[0]), x[0])):
        if all(e <= ks or s >= ke for ks, ke, _ in kept):
            kept.append((s, e, t))
    kept = sorted(k for k in kept if k[2] != "X")
    write_ann(docno, text, kept, art)
    problems = check(docno, art)
    for p in problems:
        print("PROBLEM:", p, file=sys.stderr)
    print(render(text, kept))


if __name__ == "__main__":
    main()
