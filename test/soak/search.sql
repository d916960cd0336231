-- test/soak/search.sql (pgbench): a search with `ar`, checked against the single-client answer.
\set t random(1, :nterms)
SELECT (SELECT md5(coalesce(string_agg(a.id || ':' || ts_rank(to_tsvector('ar', a.body), plainto_tsquery('ar', t.term))::numeric(10, 6),
		',' ORDER BY a.id), ''))
	FROM articles a WHERE to_tsvector('ar', a.body) @@ plainto_tsquery('ar', t.term)) = t.expected AS ok
FROM soak_terms t WHERE t.id = :t \gset
\if :ok
\else
SELECT soak_fail('search term', :t);
\endif
