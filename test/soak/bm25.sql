-- test/soak/bm25.sql (pgbench): a BM25-ranked search, checked against the
-- single-client answer while other clients re-analyze the same column.
\set t random(1, :nterms)
SELECT (SELECT md5(coalesce(string_agg(a.id || ':' || ar_bm25_rank('articles', 'tsv', a.tsv, q)::numeric(10, 4),
		',' ORDER BY a.id), ''))
	FROM articles a, websearch_to_tsquery('ar', t.term) q WHERE a.tsv @@ q) = t.expected_bm25 AS ok
FROM soak_terms t WHERE t.id = :t \gset
\if :ok
\else
SELECT soak_fail('BM25 search term', :t);
\endif
