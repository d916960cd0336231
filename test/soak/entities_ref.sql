-- test/soak/entities_ref.sql: single-client entity answers (when ar_entities exists).
ALTER TABLE articles ADD COLUMN expected_entities text;
UPDATE articles a SET expected_entities = (
	SELECT md5(coalesce(string_agg(concat_ws('|', e.entity, e.type, e.start_pos, e.length, e.normalized),
		E'\n' ORDER BY e.start_pos, e.type), ''))
	FROM ar_entities(a.body) e);
