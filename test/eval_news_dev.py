#!/usr/bin/python3
"""PER/LOC/ORG precision/recall/F1 of ar_entities on the news dev set.

The dev set (test/news_dev/, see its README) is 43 ANT news articles with
hand-made standoff spans.  Each article (title, newline, body) is given to the
extractor as one text; a predicted person/location/organization counts only
if its character span and class equal a gold span (exact match).

Offline by default: the entity core through test/ner_cli (`make test/ner_cli`)
with the shipped gazetteer and, when it exists, the learned tagger.  --server
runs `ar_entities` in a PostgreSQL database instead, through psql with the
usual PG* environment variables (PGHOST, PGPORT, PGDATABASE, PGUSER).

usage: eval_news_dev.py [--server] [--cli PATH] [--gaz PATH] [--model PATH]
                        [--errors N] [--min-f1 F]
  --errors N   print the N most frequent false positives and negatives
  --by-category  micro P/R/F1 per ANT category too
  --min-f1 F   exit 1 when micro F1 is below F (the regression floor of make test)
"""
import argparse
import collections
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "test", "news_dev"))
import newsdev  # noqa: E402

PRED = {"person": "PER", "location": "LOC", "organization": "ORG"}


def predict_offline(texts, a):
    cmd = [a.cli, a.gaz] + (["--model", a.model] if a.model else [])
    # one text a line: a paragraph break becomes a space (same offsets)
    inp = "".join(t.replace("\n", " ").replace("\r", " ") + "\n" for t in texts)
    out = subprocess.run(cmd, input=inp, capture_output=True, text=True, check=True).stdout
    pred = collections.defaultdict(set)
    for line in out.splitlines():
        ln, typ, start, length = line.split("\t")[:4]
        t = PRED.get(typ)
        if t:
            s = int(start) - 1
            pred[int(ln) - 1].add((s, s + int(length), t))
    return pred


def predict_server(texts):
    tag = "$nd$"
    assert not any(tag in t for t in texts)
    values = ",\n".join(f"({i}, {tag}{t}{tag})" for i, t in enumerate(texts))
    sql = ("SELECT v.n, e.type, e.start_pos, e.length FROM (VALUES " + values +
           ") v(n, t), ar_entities(v.t) e WHERE e.type IN ('person', 'location', 'organization');")
    out = subprocess.run(["psql", "-X", "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-f", "-"],
                         input=sql, capture_output=True, text=True, check=True).stdout
    pred = collections.defaultdict(set)
    for line in out.splitlines():
        n, typ, start, length = line.split("\t")
        s = int(start) - 1
        pred[int(n)].add((s, s + int(length), PRED[typ]))
    return pred


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--server", action="store_true")
    ap.add_argument("--cli", default=os.path.join(ROOT, "test", "ner_cli"))
    ap.add_argument("--gaz", default=os.path.join(ROOT, "data", "gazetteer.tsv"))
    default_model = os.path.join(ROOT, "data", "ner_model.tsv")
    ap.add_argument("--model", default=default_model if os.path.exists(default_model) else "",
                    help="tagger weights; empty for the rules alone")
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--min-f1", type=float, default=None)
    ap.add_argument("--by-category", action="store_true")
    a = ap.parse_args()

    ids = newsdev.ids()
    problems = [p for d in ids for p in newsdev.check(d)]
    if problems:
        sys.exit("gold annotation problems:\n" + "\n".join(problems))
    texts, golds = [], []
    for d in ids:
        text, spans = newsdev.load(d)
        texts.append(text)
        golds.append(set(spans))
    pred = predict_server(texts) if a.server else predict_offline(texts, a)

    tp, fp, fn = collections.Counter(), collections.Counter(), collections.Counter()
    errs = collections.Counter()
    bycat = collections.defaultdict(collections.Counter)
    boundary = retyped = 0
    for i, g in enumerate(golds):
        p = pred.get(i, set())
        cat = ids[i].split("-")[1]
        bycat[cat]["tp"] += len(p & g)
        bycat[cat]["fp"] += len(p - g)
        bycat[cat]["fn"] += len(g - p)
        for x in p - g:
            # a wrong prediction that overlaps a missed gold span
            over = [y for y in g - p if x[0] < y[1] and y[0] < x[1]]
            if any(y[2] == x[2] for y in over):
                boundary += 1
            elif over:
                retyped += 1
        for x in p & g:
            tp[x[2]] += 1
        for x in p - g:
            fp[x[2]] += 1
            errs[("FP", x[2], texts[i][x[0]:x[1]])] += 1
        for x in g - p:
            fn[x[2]] += 1
            errs[("FN", x[2], texts[i][x[0]:x[1]])] += 1
    words = sum(len(t.split()) for t in texts)
    print(f"news dev set: {len(ids)} articles, {words} words, "
          f"{sum(len(g) for g in golds)} gold spans ({'server' if a.server else 'offline'})")
    for t in ("PER", "LOC", "ORG"):
        P, R, F = prf(tp[t], fp[t], fn[t])
        print(f"{t}   P={P:.3f} R={R:.3f} F1={F:.3f} gold={tp[t] + fn[t]} predicted={tp[t] + fp[t]}")
    P, R, F = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    print(f"micro P={P:.3f} R={R:.3f} F1={F:.3f}")
    print(f"of the {sum(fp.values())} false positives, {boundary} overlap a missed gold span of "
          f"the same class (wrong boundaries), {retyped} one of another class")
    if a.by_category:
        for cat in sorted(bycat):
            c = bycat[cat]
            cp, cr, cf = prf(c["tp"], c["fp"], c["fn"])
            print(f"  {cat:<18} P={cp:.3f} R={cr:.3f} F1={cf:.3f} gold={c['tp'] + c['fn']}")
    for (k, t, w), n in errs.most_common(a.errors):
        print(f"{n}\t{k}\t{t}\t{w}")
    if a.min_f1 is not None and F < a.min_f1:
        print(f"FAIL: micro F1 {F:.3f} is below the floor {a.min_f1}")
        sys.exit(1)


if __name__ == "__main__":
    main()
