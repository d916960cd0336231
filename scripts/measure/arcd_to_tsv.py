#!/usr/bin/python3
"""Make ir/docs.tsv, ir/queries.tsv and ir/qrels.tsv from ARCD's arcd.json
(SQuAD format, in the SOQAL repository's data/ directory).

Each distinct paragraph ("context") becomes a document arcd-NNNNN (in order
of first appearance), each question a query with ARCD's question id (prefixed
arcd-), judged relevant (1) to its own paragraph only.  Tabs and newlines in
the text become spaces.

usage: arcd_to_tsv.py arcd.json OUTDIR      (writes OUTDIR/docs.tsv, ...)
"""
import json
import os
import sys


def clean(s):
    return " ".join(s.replace("\t", " ").split("\n")).strip()


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    data = json.load(open(sys.argv[1], encoding="utf-8"))["data"]
    out = sys.argv[2]
    os.makedirs(out, exist_ok=True)
    docs, queries, qrels, ids = [], [], [], {}
    for article in data:
        for para in article["paragraphs"]:
            text = clean(para["context"])
            if text not in ids:
                ids[text] = "arcd-%05d" % (len(ids) + 1)
                docs.append((ids[text], text))
            for qa in para["qas"]:
                qid = "arcd-%s" % qa["id"]
                queries.append((qid, clean(qa["question"])))
                qrels.append((qid, ids[text], "1"))
    for name, rows in (("docs", docs), ("queries", queries), ("qrels", qrels)):
        with open(os.path.join(out, name + ".tsv"), "w", encoding="utf-8") as f:
            f.writelines("\t".join(r) + "\n" for r in rows)


if __name__ == "__main__":
    main()
