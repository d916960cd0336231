-- test/soak/bm25_setup.sql: BM25 in the soak: a tsvector column, its
-- statistics, and the single-client BM25 answer for every search term.
ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('ar', body)) STORED;
SELECT ar_bm25_analyze('articles', 'tsv') \gset
ALTER TABLE soak_terms ADD COLUMN expected_bm25 text;
UPDATE soak_terms t SET expected_bm25 = (
	SELECT md5(coalesce(string_agg(a.id || ':' || ar_bm25_rank('articles', 'tsv', a.tsv, q)::numeric(10, 4),
		',' ORDER BY a.id), ''))
	FROM articles a, websearch_to_tsquery('ar', t.term) q WHERE a.tsv @@ q);
