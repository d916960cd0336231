#!/usr/bin/python3
"""Retrieval quality of text search configurations on the same documents.

Loads DATA/ir/docs.tsv (id<TAB>text), DATA/ir/queries.tsv (qid<TAB>text) and
DATA/ir/qrels.tsv (qid<TAB>docid<TAB>relevance).  For each configuration:
a tsvector per document, and for each query (those with a relevant document)
the OR of its lexemes under the same configuration; documents matching it are
ranked by ts_rank_cd (ties by id), or by --rank: ts_rank, or bm25
(ar_bm25_rank, after ar_bm25_analyze of the column).  Prints MRR@10 (mean
over the queries of 1/rank of the first relevant document in the top 10, 0
if none) and Recall@100.  Only the text processing differs between rows.

usage: ir.py [--rank ts_rank_cd|ts_rank|bm25] [DATA] [CONFIG ...]
       default: ts_rank_cd; simple arabic ar
"""
import sys

from measure_common import data_dir, data_file, psql

SQL = """
CREATE TEMP TABLE m_docs (id text PRIMARY KEY, body text);
CREATE TEMP TABLE m_q (qid text PRIMARY KEY, q text);
CREATE TEMP TABLE m_rel (qid text, id text, rel int);
\\copy m_docs FROM '{docs}'
\\copy m_q FROM '{queries}'
\\copy m_rel FROM '{qrels}'
DELETE FROM m_rel WHERE rel <= 0;
DELETE FROM m_q WHERE qid NOT IN (SELECT qid FROM m_rel);
ALTER TABLE m_docs ADD COLUMN tsv tsvector;
"""

PER_CONFIG = """
UPDATE m_docs SET tsv = to_tsvector({cfg}::regconfig, body);
CREATE INDEX IF NOT EXISTS m_docs_tsv ON m_docs USING gin (tsv);
ANALYZE m_docs;
{setup}\\copy (WITH q AS (SELECT qid, replace(plainto_tsquery({cfg}::regconfig, q)::text, ' & ', ' | ') AS s FROM m_q), hits AS (SELECT q.qid, h.id, h.k FROM q CROSS JOIN LATERAL (SELECT id, row_number() OVER (ORDER BY {rank} DESC, id) AS k FROM m_docs WHERE q.s <> '' AND tsv @@ q.s::tsquery ORDER BY k LIMIT 100) h), firsts AS (SELECT h.qid, min(h.k) AS k FROM hits h JOIN m_rel r ON r.qid = h.qid AND r.id = h.id GROUP BY h.qid), found AS (SELECT h.qid, count(*)::float8 AS n FROM hits h JOIN m_rel r ON r.qid = h.qid AND r.id = h.id GROUP BY h.qid), wanted AS (SELECT qid, count(*)::float8 AS n FROM m_rel GROUP BY qid) SELECT {cfg}, (SELECT count(*) FROM m_q), (SELECT coalesce(sum(CASE WHEN k <= 10 THEN 1.0 / k ELSE 0 END), 0) FROM firsts) / (SELECT count(*) FROM m_q), (SELECT coalesce(sum(f.n / w.n), 0) FROM found f JOIN wanted w USING (qid)) / (SELECT count(*) FROM m_q)) TO pstdout
"""


def quote(s):
    return "'" + s.replace("'", "''") + "'"


RANKS = {
    "ts_rank_cd": ("", "ts_rank_cd(tsv, q.s::tsquery)"),
    "ts_rank": ("", "ts_rank(tsv, q.s::tsquery)"),
    "bm25": ("SELECT ar_bm25_analyze('m_docs', 'tsv') AS ndocs \\gset\n",
             "ar_bm25_rank('m_docs', 'tsv', tsv, q.s::tsquery)"),
}


def main():
    args = sys.argv[1:]
    if args and args[0] in ("-h", "--help"):
        sys.exit(__doc__)
    rank = "ts_rank_cd"
    if args and args[0] == "--rank":
        if len(args) < 2 or args[1] not in RANKS:
            sys.exit(__doc__)
        rank, args = args[1], args[2:]
    setup, expr = RANKS[rank]
    d = data_dir(args[0] if args else None)
    configs = args[1:] or ["simple", "arabic", "ar"]
    paths = {k: data_file(d, "ir/%s.tsv" % k).replace("'", "''") for k in ("docs", "queries", "qrels")}
    script = SQL.format(**paths) + "".join(PER_CONFIG.format(cfg=quote(c), setup=setup, rank=expr) for c in configs)
    for cfg, n, mrr, rec in psql(script):
        label = cfg if rank == "ts_rank_cd" else "%s %s" % (cfg, rank)
        print("%-12s queries=%s MRR@10=%.3f R@100=%.3f" % (label, n, float(mrr), float(rec)))


if __name__ == "__main__":
    main()
