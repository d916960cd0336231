--
-- The gazetteer's life cycle: shipped rows from the extension's data file,
-- users' rows that override or hide them, and a compiled copy per session that
-- follows every committed change, however it was made.
--
SET client_min_messages = warning;
SET pg_arabic.entity_model = off;	-- the rules and the gazetteer alone: exact spans

-- shipped rows are not in the table: it holds the users' rows only
SELECT count(*) > 3000 AS shipped_rows FROM ar_gazetteer_shipped();
SELECT count(*) AS user_rows FROM ar_gazetteer;
SELECT * FROM ar_gazetteer_shipped() WHERE name = 'هتلر';
SELECT entity, type, normalized FROM ar_entities('قال هتلر في خطابه');

-- a user's row overrides the shipped one; type ignore hides it
INSERT INTO ar_gazetteer (name, type, canonical) VALUES ('هتلر', 'person', 'هتلر المستشار');
SELECT entity, type, normalized FROM ar_entities('قال هتلر في خطابه');
UPDATE ar_gazetteer SET type = 'ignore', canonical = NULL WHERE name = 'هتلر';
SELECT count(*) AS hidden FROM ar_entities('قال هتلر في خطابه');
-- hiding a name twice, or a name that is not shipped, is harmless
INSERT INTO ar_gazetteer (name, type) VALUES ('هتلر', 'ignore'), ('اسم لا يعرفه أحد', 'ignore');
SELECT count(*) AS hidden FROM ar_entities('قال هتلر في خطابه');
-- a user's own row of that name wins over an ignore row
INSERT INTO ar_gazetteer (name, type) VALUES ('هتلر', 'location');
SELECT entity, type, normalized FROM ar_entities('قال هتلر في خطابه');
-- TRUNCATE removes the users' rows only: the shipped row is back
TRUNCATE ar_gazetteer;
SELECT entity, type, normalized FROM ar_entities('قال هتلر في خطابه');
SELECT count(*) > 3000 AS shipped_rows FROM ar_gazetteer_shipped();
-- a row claiming to be shipped is refused (it would not survive pg_dump)
INSERT INTO ar_gazetteer (name, type, shipped) VALUES ('هتلر', 'person', true);

-- a second session, connected before every change below
CREATE EXTENSION IF NOT EXISTS dblink;
SELECT dblink_connect('other', format('dbname=%s host=%s port=%s user=%s', current_database(),
	split_part(current_setting('unix_socket_directories'), ',', 1), current_setting('port'), current_user));
-- a made-up name that no rule would find
\set probe 'وصل وفد qorvandel إلى المدينة'

-- changes made with session_replication_role = replica (logical replication,
-- pg_restore --disable-triggers) are seen too: no trigger is involved
SELECT count(*) AS before FROM ar_entities(:'probe');
SELECT dblink_exec('other', 'SET session_replication_role = replica');
SELECT dblink_exec('other', $$INSERT INTO ar_gazetteer (name, type, canonical) VALUES ('qorvandel', 'location', 'قورفاندل')$$);
SELECT entity, type, normalized FROM ar_entities(:'probe');
SELECT dblink_exec('other', $$UPDATE ar_gazetteer SET type = 'organization' WHERE name = 'qorvandel'$$);
SELECT entity, type, normalized FROM ar_entities(:'probe');
SELECT dblink_exec('other', $$DELETE FROM ar_gazetteer WHERE name = 'qorvandel'$$);
SELECT count(*) AS deleted FROM ar_entities(:'probe');
SELECT dblink_exec('other', 'RESET session_replication_role');

-- REPEATABLE READ: the transaction's snapshot decides, and once it ends
-- the row committed meanwhile is seen (the copy compiled under the old
-- snapshot is not taken for the current one)
SELECT count(*) AS compiled FROM ar_entities(:'probe');
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT 1 AS snapshot_taken;
SELECT dblink_exec('other', $$INSERT INTO ar_gazetteer (name, type, canonical) VALUES ('qorvandel', 'location', 'قورفاندل')$$);
SELECT count(*) AS rows_in_snapshot FROM ar_gazetteer;
SELECT count(*) AS old_snapshot FROM ar_entities(:'probe');
COMMIT;
SELECT entity, type, normalized FROM ar_entities(:'probe');
-- and the other way round: a row deleted meanwhile stays in the old snapshot
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT 1 AS snapshot_taken;
SELECT dblink_exec('other', 'DELETE FROM ar_gazetteer');
SELECT count(*) AS old_snapshot FROM ar_entities(:'probe');
COMMIT;
SELECT count(*) AS truncated FROM ar_entities(:'probe');
-- a change of this transaction is seen at once, and forgotten on rollback
BEGIN;
INSERT INTO ar_gazetteer (name, type, canonical) VALUES ('qorvandel', 'location', 'قورفاندل');
SELECT count(*) AS own_change FROM ar_entities(:'probe');
SAVEPOINT s;
DELETE FROM ar_gazetteer;
SELECT count(*) AS own_delete FROM ar_entities(:'probe');
ROLLBACK TO s;
SELECT count(*) AS after_rollback_to FROM ar_entities(:'probe');
ROLLBACK;
SELECT count(*) AS after_rollback FROM ar_entities(:'probe');

-- only what changed is compiled again: the shipped rows once per session;
-- rows inserted are added to a copy, a deletion recompiles the users' rows;
-- switching the tagger compiles nothing
SELECT dblink_exec('other', $$INSERT INTO ar_gazetteer (name, type) VALUES ('brelvont', 'organization')$$);
SELECT count(*) FROM ar_entities(:'probe');
CREATE FUNCTION regress_rules_only(t text) RETURNS bigint LANGUAGE sql
	SET pg_arabic.entity_model = off AS $$ SELECT count(*) FROM ar_entities(t) $$;
CREATE FUNCTION regress_with_model(t text) RETURNS bigint LANGUAGE sql
	SET pg_arabic.entity_model = on AS $$ SELECT count(*) FROM ar_entities(t) $$;
SET client_min_messages = debug1;
SELECT dblink_exec('other', $$INSERT INTO ar_gazetteer (name, type, canonical) VALUES ('qorvandel', 'location', 'قورفاندل')$$);
SELECT entity, type, normalized FROM ar_entities(:'probe');
SELECT regress_rules_only(:'probe') > 0 AND regress_with_model(:'probe') > 0 AS both_found
FROM generate_series(1, 3);
SELECT dblink_exec('other', $$DELETE FROM ar_gazetteer WHERE name = 'brelvont'$$);
SELECT entity, type, normalized FROM ar_entities(:'probe');
-- a row inserted with the name of an earlier user's row: all are compiled
-- again; between the two, the type order decides (person before location)
SELECT dblink_exec('other', $$INSERT INTO ar_gazetteer (name, type, canonical) VALUES ('qorvandel', 'person', 'قورفاندل')$$);
SELECT entity, type, normalized FROM ar_entities(:'probe');
RESET client_min_messages;
DROP FUNCTION regress_rules_only(text);
DROP FUNCTION regress_with_model(text);

SELECT dblink_disconnect('other');
DROP EXTENSION dblink;
TRUNCATE ar_gazetteer;
