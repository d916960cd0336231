#!/bin/bash
# scripts/server-checks/20-dump-restore.sh: pg_dump/pg_restore round-trips
# articles, a search index and the user's gazetteer rows; shipped gazetteer
# rows are recreated by CREATE EXTENSION, never duplicated by the dump.
# Needs PGHOST/PGPORT/PGUSER and PGBIN (from scripts/common.sh) or pg_dump on PATH.
set -euo pipefail

source "$(dirname "$0")/lib/dump_pair.sh" dump

"${PSQL[@]}" -d "$SRC" <<'SQL'
CREATE EXTENSION pg_arabic;
CREATE TABLE articles (id int PRIMARY KEY, body text,
	tsv tsvector GENERATED ALWAYS AS (to_tsvector('ar', body)) STORED);
CREATE INDEX articles_tsv ON articles USING gin (tsv);
INSERT INTO articles (id, body) VALUES
	(1, 'فككت الشرطة شبكة للابتزاز الإلكتروني في الدار البيضاء'),
	(2, 'زار وفد مرصد الشفافية الرقمية مقر الهيئة الوطنية للنزاهة');
INSERT INTO ar_gazetteer (name, type, canonical) VALUES
	('مرصد الشفافية الرقمية', 'organization', 'مرصد الشفافية الرقمية'),
	('MSR', 'organization', 'مرصد الشفافية الرقمية');
SQL
dump_restore

q() { "${PSQL[@]}" -d "$1" -c "$2"; }
fail=0
check() {
	local what=$1 a b
	a=$(q "$SRC" "$2"); b=$(q "$DST" "$2")
	if [ "$a" = "$b" ]; then echo "PASS: $what ($a)"; else echo "FAIL: $what: before '$a', after '$b'"; fail=1; fi
}
check "user gazetteer rows" "SELECT count(*) FILTER (WHERE NOT shipped) || '/' || count(*) FROM ar_gazetteer"
check "no duplicate rows" "SELECT count(*) FROM (SELECT name, type, canonical FROM ar_gazetteer GROUP BY 1, 2, 3 HAVING count(*) > 1) d"
check "entities from user rows" "SELECT string_agg(entity || ':' || normalized, ',' ORDER BY start_pos) FROM ar_entities('قال مرصد الشفافية الرقمية (MSR) إن')"
check "search through the index" "SET enable_seqscan = off; SELECT string_agg(id::text, ',' ORDER BY id) FROM articles WHERE tsv @@ websearch_to_tsquery('ar', 'ابتزاز')"
exit $fail
