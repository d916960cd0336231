-- test/soak/bm25_analyze.sql (pgbench): re-collect the BM25 statistics of an
-- unchanged column (same numbers, new rows) while others rank with them.
SELECT ar_bm25_analyze('articles', 'tsv');
