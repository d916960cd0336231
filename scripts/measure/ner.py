#!/usr/bin/python3
"""Entity extraction quality of ar_entities on ANERcorp-style gold data.

Each gold sentence of DATA/ner/anercorp-train.tsv (token<TAB>IOB2 tag, a
blank line between sentences) is joined with single spaces and given to
ar_entities().  Every returned person/location/organization span is mapped
to the tokens it overlaps; a prediction is right when its token span and
type equal a gold entity's (PERS/PER, LOC, ORG; MISC is not scored).
Prints precision, recall and F1 per type and micro-averaged.

usage: ner.py [DATA] [--from K] [--to K] [--rules-only]
  --from/--to   the sentence range (default --from 3500: sentences 0-3499
                trained the tagger, the rest is the dev split)
  --rules-only  SET pg_arabic.entity_model = off
"""
import argparse
import collections
import os
import sys

from measure_common import ROOT, data_dir, data_file, psql

sys.path.insert(0, os.path.join(ROOT, "tools"))
from anercorp import GOLD, read_conll  # noqa: E402

TYPES = {"person": "PER", "location": "LOC", "organization": "ORG"}


def gold_entities(tags):
    """(first token, end token, class) of each gold entity in IOB2 tags."""
    out, start, kind = set(), None, None
    for i, tag in enumerate(tags + ["O"]):
        if tag.startswith("I-") and tag[2:] == kind:
            continue
        if start is not None and kind in GOLD:
            out.add((start, i, GOLD[kind]))
        start, kind = (i, tag[2:]) if tag[:2] in ("B-", "I-") else (None, None)
    return out


def main():
    ap = argparse.ArgumentParser(usage=__doc__)
    ap.add_argument("data", nargs="?")
    ap.add_argument("--from", dest="lo", type=int, default=3500)
    ap.add_argument("--to", dest="hi", type=int)
    ap.add_argument("--rules-only", action="store_true")
    a = ap.parse_args()
    sents = read_conll(data_file(data_dir(a.data), "ner/anercorp-train.tsv"))[a.lo:a.hi]
    texts = [" ".join(w.replace("\n", " ") for w, _ in s) for s in sents]
    rows = psql("""
%s
CREATE TEMP TABLE m_sent (i int, body text);
\\copy m_sent FROM pstdin
\\copy (SELECT s.i, e.type, e.start_pos, e.length FROM m_sent s, ar_entities(s.body) e WHERE e.type IN ('person', 'location', 'organization') ORDER BY 1, 3) TO pstdout
""" % ("SET pg_arabic.entity_model = off;" if a.rules_only else ""),
        list(enumerate(texts)))
    predicted = collections.defaultdict(set)
    for i, etype, start, length in rows:
        i, start, length = int(i), int(start), int(length)
        # 1-based characters: token k spans [its start, its start + len)
        pos, first, last = 1, None, None
        for k, (w, _) in enumerate(sents[i]):
            if pos < start + length and pos + len(w) > start:
                first = k if first is None else first
                last = k
            pos += len(w) + 1
        if first is not None:
            predicted[i].add((first, last + 1, TYPES[etype]))
    tp, fp, fn = collections.Counter(), collections.Counter(), collections.Counter()
    for i, s in enumerate(sents):
        gold = gold_entities([t for _, t in s])
        for e in predicted[i]:
            (tp if e in gold else fp)[e[2]] += 1
        for e in gold - predicted[i]:
            fn[e[2]] += 1

    def prf(t, p, n):
        pr = t / (t + p) if t + p else 0.0
        rc = t / (t + n) if t + n else 0.0
        return pr, rc, 2 * pr * rc / (pr + rc) if pr + rc else 0.0

    print("sentences %d..%d (%d)%s" % (a.lo, a.lo + len(sents) - 1, len(sents),
                                       ", rules only" if a.rules_only else ""))
    for k in ("PER", "LOC", "ORG"):
        print("%-5s P=%.3f R=%.3f F1=%.3f  (gold %d)" % ((k,) + prf(tp[k], fp[k], fn[k]) + (tp[k] + fn[k],)))
    print("micro P=%.3f R=%.3f F1=%.3f" % prf(sum(tp.values()), sum(fp.values()), sum(fn.values())))


if __name__ == "__main__":
    main()
