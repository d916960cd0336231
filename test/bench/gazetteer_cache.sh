#!/bin/bash
# test/bench/gazetteer_cache.sh: what the compiled gazetteer costs with many
# users' rows (default 100000): the first call of a session, the first call
# after a committed change, a call under a new snapshot when nothing changed,
# and calls of a function that switches pg_arabic.entity_model.  A measurement,
# not a test: run it against a cluster with pg_arabic installed (PGHOST,
# PGPORT, PGUSER), e.g. the one of `make demo`.  ROWS=N sets the row count.
set -euo pipefail
ROWS=${ROWS:-100000}
DB=pg_arabic_gazbench_$$
PSQL=(psql -X -q -At -v ON_ERROR_STOP=1)
"${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB"
trap '"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true' EXIT
"${PSQL[@]}" -d "$DB" <<SQL
CREATE EXTENSION pg_arabic;
INSERT INTO ar_gazetteer (name, type, canonical)
	SELECT 'منظمة رقم ' || g || ' للتجربة', 'organization', 'منظمة ' || g FROM generate_series(1, $ROWS) g;
CREATE FUNCTION rules_only(t text) RETURNS bigint LANGUAGE sql
	SET pg_arabic.entity_model = off AS \$\$ SELECT count(*) FROM ar_entities(t) \$\$;
SQL
# one session: \timing prints each statement's time
"${PSQL[@]}" -d "$DB" <<'SQL' | sed -n 's/^Time: //p' | paste -d' ' - <(printf '%s\n' \
	"first call of the session (shipped + users' rows compiled)" \
	"next statement, nothing committed meanwhile (no scan)" \
	"a commit elsewhere (another table)" \
	"next statement: a new snapshot (versions scanned, nothing compiled)" \
	"INSERT of one row" \
	"first call after that insert (the row added to a copy)" \
	"DELETE of one row" \
	"first call after that delete (users' rows compiled again)" \
	"10 calls of a function with SET pg_arabic.entity_model = off")
CREATE TABLE other (x int);
\timing on
SELECT count(*) FROM ar_entities('قال مدير منظمة رقم 77 للتجربة إن');
SELECT count(*) FROM ar_entities('قال مدير منظمة رقم 77 للتجربة إن');
INSERT INTO other VALUES (1);
SELECT count(*) FROM ar_entities('قال مدير منظمة رقم 77 للتجربة إن');
INSERT INTO ar_gazetteer (name, type) VALUES ('رابطة جديدة للتجربة', 'organization');
SELECT count(*) FROM ar_entities('قال مدير منظمة رقم 77 للتجربة إن');
DELETE FROM ar_gazetteer WHERE name = 'رابطة جديدة للتجربة';
SELECT count(*) FROM ar_entities('قال مدير منظمة رقم 77 للتجربة إن');
SELECT sum(rules_only('قال مدير منظمة رقم 77 للتجربة إن')) FROM generate_series(1, 10);
SQL
