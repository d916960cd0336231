--
-- Extension script safety: no SECURITY DEFINER, objects found through the
-- extension's own schema whatever the search_path, the gazetteer writable
-- only by its owner unless granted.
--
SET client_min_messages = warning;

-- every function of the extension runs with the caller's rights
SELECT count(*) AS security_definer_functions
FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
JOIN pg_extension x ON x.oid = d.refobjid AND x.extname = 'pg_arabic'
WHERE p.prosecdef;

-- a hostile schema first in search_path: look-alike functions and a fake gazetteer
CREATE SCHEMA evil;
CREATE TABLE evil.ar_gazetteer (name text, type text, canonical text, shipped boolean);
INSERT INTO evil.ar_gazetteer VALUES ('طعم', 'person', 'hijacked', false);
CREATE FUNCTION evil.ar_normalize(text) RETURNS text LANGUAGE sql AS $$ SELECT 'hijacked' $$;
CREATE FUNCTION evil.lower(text) RETURNS text LANGUAGE sql AS $$ SELECT 'hijacked' $$;
CREATE FUNCTION evil.btrim(text) RETURNS text LANGUAGE sql AS $$ SELECT 'hijacked' $$;
SET search_path = evil, public;
-- the extension reads its own gazetteer, never the look-alike
SELECT count(*) AS hijacked_entities FROM public.ar_entities('قال طعم إن') WHERE normalized = 'hijacked';
-- dictionaries and the parser are bound to the extension's C functions
SELECT to_tsvector('public.ar', 'والابتزاز الإلكتروني') AS tsv;
SELECT ts_lexize('public.ar_stem', 'والابتزاز');
-- a gazetteer change still reaches the compiled copy
INSERT INTO public.ar_gazetteer (name, type) VALUES ('مرصد الأمان', 'organization');
SELECT entity, type FROM public.ar_entities('زار مرصد الأمان المدينة');
DELETE FROM public.ar_gazetteer WHERE NOT shipped;
RESET search_path;
DROP SCHEMA evil CASCADE;

-- the gazetteer: everyone may read it, only its owner may write, unless granted
CREATE ROLE regress_arabic_reader;
SET ROLE regress_arabic_reader;
SELECT count(*) >= 0 AS can_read FROM ar_gazetteer;
SELECT count(*) >= 0 AS can_extract FROM ar_entities('زار الرئيس الرباط');
INSERT INTO ar_gazetteer (name, type) VALUES ('تجربة', 'person');
DELETE FROM ar_gazetteer;
RESET ROLE;
GRANT INSERT, DELETE ON ar_gazetteer TO regress_arabic_reader;
SET ROLE regress_arabic_reader;
INSERT INTO ar_gazetteer (name, type) VALUES ('تجربة مأذونة', 'organization');
SELECT entity FROM ar_entities('قالت تجربة مأذونة إن');
DELETE FROM ar_gazetteer WHERE name = 'تجربة مأذونة';
RESET ROLE;
REVOKE ALL ON ar_gazetteer FROM regress_arabic_reader;
DROP ROLE regress_arabic_reader;

-- privileges are checked on every call: what a superuser's call compiled
-- never reaches a role that may not read the table (a made-up name that no
-- rule would find)
SET pg_arabic.entity_model = off;
INSERT INTO ar_gazetteer (name, type, canonical) VALUES ('velmorath', 'organization', 'مؤسسة فلموراث');
REVOKE SELECT ON ar_gazetteer FROM PUBLIC;
SELECT entity, normalized FROM ar_entities('قال velmorath إن');
CREATE ROLE regress_arabic_outsider;
CREATE ROLE regress_arabic_insider;
SET ROLE regress_arabic_outsider;
SELECT entity, normalized FROM ar_entities('قال velmorath إن');
RESET ROLE;
-- SELECT on the three columns read is enough
GRANT SELECT (name, type, canonical) ON ar_gazetteer TO regress_arabic_outsider;
SET ROLE regress_arabic_outsider;
SELECT entity, normalized FROM ar_entities('قال velmorath إن');
RESET ROLE;
REVOKE SELECT (name, type, canonical) ON ar_gazetteer FROM regress_arabic_outsider;
GRANT SELECT ON ar_gazetteer TO PUBLIC;

-- row level security: each role gets the rows its policies let through
ALTER TABLE ar_gazetteer ENABLE ROW LEVEL SECURITY;
CREATE POLICY regress_hidden ON ar_gazetteer FOR SELECT
	USING (name <> 'velmorath' OR current_user = 'regress_arabic_insider'
		   OR current_setting('regress.tenant', true) = 'velmorath');
SELECT entity, normalized FROM ar_entities('قال velmorath إن');
SET ROLE regress_arabic_outsider;
SELECT count(*) AS outsider_sees FROM ar_entities('قال velmorath إن');
SET ROLE regress_arabic_insider;
SELECT entity, normalized FROM ar_entities('قال velmorath إن');
SET ROLE regress_arabic_outsider;
SELECT count(*) AS outsider_sees FROM ar_entities('قال velmorath إن');
-- a policy reading a setting: the rows are read again at each statement
SET regress.tenant = 'velmorath';
SELECT count(*) AS tenant_sees FROM ar_entities('قال velmorath إن');
RESET regress.tenant;
SELECT count(*) AS outsider_sees FROM ar_entities('قال velmorath إن');
-- as for a SELECT, row_security = off is an error where a policy applies
SET row_security = off;
SELECT count(*) FROM ar_entities('قال velmorath إن');
RESET row_security;
RESET ROLE;
DROP POLICY regress_hidden ON ar_gazetteer;
ALTER TABLE ar_gazetteer DISABLE ROW LEVEL SECURITY;
DELETE FROM ar_gazetteer;
DROP ROLE regress_arabic_outsider;
DROP ROLE regress_arabic_insider;
RESET pg_arabic.entity_model;

-- an owner who alters the table's shape gets an error, never a crash
BEGIN;
ALTER TABLE ar_gazetteer DROP CONSTRAINT ar_gazetteer_name_check;
ALTER TABLE ar_gazetteer ALTER COLUMN name TYPE int USING length(name);
SELECT count(*) FROM ar_entities('زار الرئيس الرباط');
ROLLBACK;
BEGIN;
ALTER TABLE ar_gazetteer DROP COLUMN canonical;
SELECT count(*) FROM ar_entities('زار الرئيس الرباط');
ROLLBACK;
SELECT count(*) > 0 AS works_again FROM ar_entities('زار الرئيس الرباط');
