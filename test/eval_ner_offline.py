#!/usr/bin/python3
"""PER/LOC/ORG micro precision/recall/F1 of the entity core, without PostgreSQL.

Scores exactly like the shared eval_ner.py: each gold sentence is joined with
single spaces, entities of type person/location/organization are mapped to the
tokens they overlap and compared by exact token span and type. The core runs
through test/ner_cli with the shipped gazetteer (data/gazetteer.tsv) and,
when data/ner_model.tsv exists, the learned tagger (--model PATH to choose
another, --model '' for the rules alone) with its word clusters
(data/ner_clusters.tsv, --clusters PATH).

build the driver first (from the repository root):
  cc -std=c99 -O2 -D_GNU_SOURCE -Isrc/core test/ner_cli.c src/core/*.c -licuuc -o test/ner_cli

usage: eval_ner_offline.py GOLD.tsv [--from K] [--to K] [--cli PATH] [--gaz PATH]
                           [--model PATH] [--errors N]
"""
import argparse, collections, os, subprocess, sys

PRED = {"person": "PER", "location": "LOC", "organization": "ORG"}
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))
from anercorp import GOLD, read_conll  # noqa: E402


def gold_spans(tags):
    spans, start, typ = set(), None, None
    for i, t in enumerate(tags + ["O"]):
        inside = t.startswith("I-") and t[2:] == typ
        if not inside:
            if start is not None and GOLD.get(typ):
                spans.add((start, i, GOLD[typ]))
            start, typ = (i, t[2:]) if t[:2] in ("B-", "I-") else (None, None)
    return spans


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("--from", dest="lo", type=int, default=0)
    ap.add_argument("--to", dest="hi", type=int, default=None)
    ap.add_argument("--cli", default=os.path.join(ROOT, "test", "ner_cli"))
    ap.add_argument("--gaz", default=os.path.join(ROOT, "data", "gazetteer.tsv"))
    default_model = os.path.join(ROOT, "data", "ner_model.tsv")
    ap.add_argument("--model", default=default_model if os.path.exists(default_model) else "",
                    help="tagger weights; empty for the rules alone")
    default_clusters = os.path.join(ROOT, "data", "ner_clusters.tsv")
    ap.add_argument("--clusters", default=default_clusters if os.path.exists(default_clusters) else "",
                    help="the tagger's word clusters; empty for none")
    ap.add_argument("--errors", type=int, default=0, help="print N error examples")
    a = ap.parse_args()
    sents = read_conll(a.gold)[a.lo:a.hi]
    texts, offsets, golds = [], [], []
    for s in sents:
        offs, pos = [], 1
        for w, _ in s:
            offs.append((pos, pos + len(w)))
            pos += len(w) + 1
        # a newline inside a token would split the line protocol
        texts.append(" ".join(w.replace("\n", " ") for w, _ in s))
        offsets.append(offs)
        golds.append(gold_spans([t for _, t in s]))
    cmd = [a.cli, a.gaz] + (["--model", a.model] if a.model else []) + \
        (["--clusters", a.clusters] if a.clusters and a.model else [])
    out = subprocess.run(cmd, input="\n".join(texts) + "\n",
                         capture_output=True, text=True, check=True).stdout
    pred = collections.defaultdict(set)
    for line in out.splitlines():
        ln, typ, start, length = line.split("\t")[:4]
        i, start, length = int(ln) - 1, int(start), int(length)
        t = PRED.get(typ.lower())
        end = start + length
        toks = [k for k, (b, e) in enumerate(offsets[i]) if b < end and start < e]
        if t and toks:
            pred[i].add((toks[0], toks[-1] + 1, t))
    tp, fp, fn = collections.Counter(), collections.Counter(), collections.Counter()
    errs = []
    for i, g in enumerate(golds):
        p = pred.get(i, set())
        for x in p & g:
            tp[x[2]] += 1
        for x in p - g:
            fp[x[2]] += 1
            errs.append(("FP", x[2], " ".join(w for w, _ in sents[i][x[0]:x[1]])))
        for x in g - p:
            fn[x[2]] += 1
            errs.append(("FN", x[2], " ".join(w for w, _ in sents[i][x[0]:x[1]])))

    def prf(a, b, c):
        P = a / (a + b) if a + b else 0.0
        R = a / (a + c) if a + c else 0.0
        return P, R, (2 * P * R / (P + R) if P + R else 0.0)

    for t in ("PER", "LOC", "ORG"):
        P, R, F = prf(tp[t], fp[t], fn[t])
        print(f"{t}   P={P:.3f} R={R:.3f} F1={F:.3f} gold={tp[t] + fn[t]}")
    P, R, F = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    print(f"micro P={P:.3f} R={R:.3f} F1={F:.3f} sentences={len(sents)}")
    if a.errors:
        c = collections.Counter(errs)
        for (k, t, w), n in c.most_common(a.errors):
            print(f"{n}\t{k}\t{t}\t{w}")


if __name__ == "__main__":
    main()
