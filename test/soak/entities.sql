-- test/soak/entities.sql (pgbench): ar_entities on one article, checked against the single-client answer.
\set a random(1, :narticles)
SELECT (SELECT md5(coalesce(string_agg(concat_ws('|', e.entity, e.type, e.start_pos, e.length, e.normalized),
		E'\n' ORDER BY e.start_pos, e.type), ''))
	FROM ar_entities(a.body) e) = a.expected_entities AS ok
FROM articles a WHERE a.id = :a \gset
\if :ok
\else
SELECT soak_fail('entities of article', :a);
\endif
