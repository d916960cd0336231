-- What in this database stores output of pg_arabic's objects, and the
-- statement that recomputes it after an upgrade that changes normalizer or
-- stemmer output (README, "Upgrading").  Run it in each database that uses
-- pg_arabic; it reads pg_depend, so it lists what PostgreSQL recorded:
-- expression indexes, stored generated columns, materialized views, and
-- (nothing to do) views and dictionaries.  Tables your application or a
-- trigger fills with to_tsvector('ar', ...) or ar_entities() output are not
-- recorded there: recompute those too.
WITH member AS (
	SELECT m.classid, m.objid
	FROM pg_depend m JOIN pg_extension x ON x.oid = m.refobjid
	WHERE m.refclassid = 'pg_extension'::regclass AND m.deptype = 'e' AND x.extname = 'pg_arabic'
),
user_object AS (
	SELECT DISTINCT d.classid, d.objid
	FROM pg_depend d JOIN member m ON m.classid = d.refclassid AND m.objid = d.refobjid
	WHERE d.deptype = 'n'
	  AND NOT EXISTS (SELECT 1 FROM member o WHERE o.classid = d.classid AND o.objid = d.objid)
	  -- nor parts of a member (the constraints and trigger of ar_gazetteer)
	  AND NOT EXISTS (SELECT 1 FROM pg_depend p JOIN member o ON o.classid = p.refclassid AND o.objid = p.refobjid
					  WHERE p.classid = d.classid AND p.objid = d.objid AND p.deptype IN ('a', 'i'))
)
SELECT pg_describe_object(u.classid, u.objid, 0) AS uses_pg_arabic,
	CASE
	WHEN c.relkind IN ('i', 'I') THEN
		format('REINDEX INDEX CONCURRENTLY %s;', c.oid::regclass)
	WHEN ad.oid IS NOT NULL AND a.attgenerated = 's' THEN
		-- a stored generated column is recomputed when a column it reads is updated
		format('UPDATE %s SET %I = %I;', ad.adrelid::regclass, src.attname, src.attname)
	WHEN r.oid IS NOT NULL AND rc.relkind = 'm' THEN
		format('REFRESH MATERIALIZED VIEW %s;', rc.oid::regclass)
	ELSE '-- nothing stored'
	END AS rebuild
FROM user_object u
LEFT JOIN pg_class c ON u.classid = 'pg_class'::regclass AND c.oid = u.objid
LEFT JOIN pg_attrdef ad ON u.classid = 'pg_attrdef'::regclass AND ad.oid = u.objid
LEFT JOIN pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
LEFT JOIN LATERAL (
	SELECT sa.attname FROM pg_depend sd
	JOIN pg_attribute sa ON sa.attrelid = sd.refobjid AND sa.attnum = sd.refobjsubid
	WHERE sd.classid = 'pg_attrdef'::regclass AND sd.objid = ad.oid
	  AND sd.refclassid = 'pg_class'::regclass AND sd.refobjsubid > 0 AND sa.attnum <> ad.adnum
	ORDER BY sa.attnum LIMIT 1) src ON true
LEFT JOIN pg_rewrite r ON u.classid = 'pg_rewrite'::regclass AND r.oid = u.objid
LEFT JOIN pg_class rc ON rc.oid = r.ev_class
-- rows first (their indexes follow), then indexes, then materialized views
ORDER BY CASE WHEN ad.oid IS NOT NULL THEN 1 WHEN c.oid IS NOT NULL THEN 2 WHEN rc.relkind = 'm' THEN 3 ELSE 4 END, 1;
