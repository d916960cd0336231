#!/usr/bin/python3
"""Throughput of pg_arabic's functions inside PostgreSQL, as ratios.

Documents of about 2 kB are made of real Arabic text (the paragraphs of
DATA/ir/docs.tsv and the sentences of DATA/ner/anercorp-train.tsv), repeated
to about --mb megabytes in a temporary table.  Each expression over column
body is evaluated on every row, --rounds times, the expressions interleaved,
one backend, no parallel workers; printed: the median seconds, MB/s and the
ratio to the first expression.  Machines are noisy: quote the ratios.

usage: speed.py [DATA] [--mb 20] [--rounds 3] [NAME=EXPR ...]
default expressions: floor=length(body) norm=ar_normalize(body)
  simple=to_tsvector('simple', body) arabic=to_tsvector('arabic', body)
  ar=to_tsvector('ar', body) entities=(SELECT count(*) FROM ar_entities(body))
"""
import argparse
import os
import sys

from measure_common import ROOT, data_dir, data_file, psql

sys.path.insert(0, os.path.join(ROOT, "tools"))
from anercorp import read_conll  # noqa: E402

DEFAULT = ["floor=length(body)", "norm=ar_normalize(body)",
           "simple=to_tsvector('simple', body)", "arabic=to_tsvector('arabic', body)",
           "ar=to_tsvector('ar', body)", "entities=(SELECT count(*) FROM ar_entities(body))"]


def documents(d):
    paras = [line.rstrip("\n").split("\t", 1)[1]
             for line in open(data_file(d, "ir/docs.tsv"), encoding="utf-8") if "\t" in line]
    paras += [" ".join(w for w, _ in s) for s in read_conll(data_file(d, "ner/anercorp-train.tsv"))]
    docs, cur = [], ""
    for p in paras:
        cur += p + "\n"
        if len(cur.encode("utf-8")) >= 2000:
            docs.append(cur)
            cur = ""
    return docs


def quote(s):
    return "'" + s.replace("'", "''") + "'"


def main():
    ap = argparse.ArgumentParser(usage=__doc__)
    ap.add_argument("data", nargs="?")
    ap.add_argument("--mb", type=float, default=20)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("exprs", nargs="*")
    a = ap.parse_args()
    # a first positional that is NAME=EXPR is an expression, not the data
    if a.data and "=" in a.data:
        a.exprs.insert(0, a.data)
        a.data = None
    exprs = [e.split("=", 1) for e in (a.exprs or DEFAULT)]
    docs = documents(data_dir(a.data))
    size = sum(len(x.encode("utf-8")) for x in docs)
    reps = max(1, int(a.mb * 1e6 / size + 0.5))
    rows = [(x,) for _ in range(reps) for x in docs]
    mb = size * reps / 1e6
    names = "ARRAY[%s]" % ", ".join(quote(n) for n, _ in exprs)
    bodies = "ARRAY[%s]" % ", ".join(quote(e) for _, e in exprs)
    out = psql("""
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE m_bench (body text);
\\copy m_bench FROM pstdin
ANALYZE m_bench;
CREATE FUNCTION pg_temp.m_time(expr text) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz := clock_timestamp(); n bigint;
BEGIN
	EXECUTE 'SELECT count(*) FROM m_bench WHERE (' || expr || ') IS NOT NULL' INTO n;
	RETURN extract(epoch FROM clock_timestamp() - t0);
END $$;
-- a warm-up pass of each expression (caches, the gazetteer), then the rounds
SELECT pg_temp.m_time(e) FROM unnest(%s) e \\g /dev/null
\\copy (SELECT n, percentile_cont(0.5) WITHIN GROUP (ORDER BY s) FROM (SELECT u.n, u.k, pg_temp.m_time(u.e) AS s FROM generate_series(1, %d) r, unnest(%s, %s) WITH ORDINALITY u(n, e, k) ORDER BY r, u.k) t GROUP BY n, k ORDER BY k) TO pstdout
""" % (bodies, a.rounds, names, bodies), rows)
    print("%.1f MB, %d documents, median of %d rounds" % (mb, len(rows), a.rounds))
    base = float(out[0][1])
    for name, secs in out:
        secs = float(secs)
        print("%-10s %8.3f s %9.1f MB/s %7.2fx %s" % (name, secs, mb / secs, secs / base, exprs[[n for n, _ in exprs].index(name)][1]))


if __name__ == "__main__":
    main()
