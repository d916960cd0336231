-- test/soak/terms.sql: search terms (title words of every article, spelled as
-- written, with clitics and diacritics) and the reference answers.
CREATE TABLE soak_terms AS
	SELECT row_number() OVER (ORDER BY w)::int AS id, w AS term, NULL::text AS expected
	FROM (SELECT DISTINCT w FROM articles, regexp_split_to_table(title, '\s+') w
		  WHERE char_length(w) > 3) s;
UPDATE soak_terms t SET expected = (
	SELECT md5(coalesce(string_agg(a.id || ':' || ts_rank(to_tsvector('ar', a.body), plainto_tsquery('ar', t.term))::numeric(10, 6),
		',' ORDER BY a.id), ''))
	FROM articles a WHERE to_tsvector('ar', a.body) @@ plainto_tsquery('ar', t.term));
