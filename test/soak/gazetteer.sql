-- test/soak/gazetteer.sql (pgbench): a user row in ar_gazetteer, seen by the
-- session's next call, then deleted.  The name is a Latin word found in no article.
\set r random(1, 1000000000)
INSERT INTO ar_gazetteer (name, type, canonical)
	SELECT n, 'person', n FROM (SELECT 'Soakzq' || translate(:client_id || 'x' || :r, '0123456789', 'abcdefghij') AS n) s;
INSERT INTO soak_gaz_miss (name)
	SELECT n FROM (SELECT 'Soakzq' || translate(:client_id || 'x' || :r, '0123456789', 'abcdefghij') AS n) s
	WHERE NOT EXISTS (SELECT 1 FROM ar_entities('قال ' || n || ' أمس') e
					  WHERE e.type = 'person' AND lower(e.normalized) = lower(n));
DELETE FROM ar_gazetteer WHERE name = 'Soakzq' || translate(:client_id || 'x' || :r, '0123456789', 'abcdefghij');
