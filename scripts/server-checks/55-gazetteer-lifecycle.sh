#!/bin/bash
# scripts/server-checks/55-gazetteer-lifecycle.sh: the users' intent in the
# gazetteer survives pg_dump/pg_restore (rows that override a shipped name and
# rows that hide one, type ignore), TRUNCATE keeps the shipped rows, and
# ALTER EXTENSION UPDATE from 1.0 keeps the users' rows and gives the objects
# of a fresh 1.1 install.  Needs PGHOST/PGPORT/PGUSER and PGBIN or pg_dump on PATH.
set -euo pipefail

SRC=pg_arabic_gaz_src_$$
DST=pg_arabic_gaz_dst_$$
OLD=pg_arabic_gaz_old_$$
DUMP=$(mktemp "${TMPDIR:-/tmp}/pg_arabic_gaz.XXXXXX")
BIN=${PGBIN:+$PGBIN/}
PSQL=(psql -X -q -At -v ON_ERROR_STOP=1)
cleanup() {
	for d in "$SRC" "$DST" "$OLD"; do
		"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $d" >/dev/null 2>&1 || true
	done
	rm -f "$DUMP" "$DUMP".*
}
trap cleanup EXIT
fail=0
pass() { echo "PASS: $*"; }
failed() { echo "FAIL: $*"; fail=1; }
q() { "${PSQL[@]}" -d "$1" -c "$2"; }
same() {
	if [ "$2" = "$3" ]; then pass "$1"; else failed "$1: '$2' vs '$3'"; fi
}

for d in "$SRC" "$DST" "$OLD"; do q postgres "CREATE DATABASE $d"; done
# a shipped person, overridden; a shipped place, hidden; a name of the user's own
ENTS="SET pg_arabic.entity_model = off; SELECT string_agg(entity || ':' || type || ':' || normalized, ',' ORDER BY start_pos)
	FROM ar_entities('قال هتلر إن وفد tarquenza زار الرباط')"
"${PSQL[@]}" -d "$SRC" <<'SQL'
CREATE EXTENSION pg_arabic;
INSERT INTO ar_gazetteer (name, type, canonical) VALUES
	('هتلر', 'person', 'هتلر الزعيم'),
	('الرباط', 'ignore', NULL),
	('tarquenza', 'organization', 'رابطة تاركوينزا');
SQL
before=$(q "$SRC" "$ENTS")
case "$before" in
*"هتلر:person:هتلر الزعيم"*"tarquenza:organization:رابطة تاركوينزا"*) pass "override and own row in effect ($before)" ;;
*) failed "override and own row not in effect: '$before'" ;;
esac
case "$before" in *الرباط*) failed "ignored shipped name still found: '$before'" ;; *) pass "ignore row hides الرباط" ;; esac

"${BIN}pg_dump" -Fc -d "$SRC" -f "$DUMP"
"${BIN}pg_restore" -d "$DST" --exit-on-error "$DUMP"
same "entities after dump/restore" "$before" "$(q "$DST" "$ENTS")"
same "users' rows after dump/restore" "$(q "$SRC" "SELECT string_agg(concat_ws('|', name, type, canonical), ',' ORDER BY name) FROM ar_gazetteer")" \
	"$(q "$DST" "SELECT string_agg(concat_ws('|', name, type, canonical), ',' ORDER BY name) FROM ar_gazetteer")"
# a data-only restore with triggers disabled
q "$DST" "TRUNCATE ar_gazetteer"
"${BIN}pg_dump" -Fc -a -t ar_gazetteer -d "$SRC" -f "$DUMP.data"
"${BIN}pg_restore" -d "$DST" --exit-on-error --disable-triggers -a "$DUMP.data"
same "entities after a data-only restore with --disable-triggers" "$before" "$(q "$DST" "$ENTS")"

# TRUNCATE removes the users' rows only
q "$DST" "TRUNCATE ar_gazetteer"
after=$(q "$DST" "$ENTS")
case "$after" in
*"هتلر:person:أدولف هتلر"*"الرباط:location:الرباط"*) pass "TRUNCATE keeps the shipped rows ($after)" ;;
*) failed "TRUNCATE: '$after'" ;;
esac

# upgrade from 1.0: the users' rows stay, the shipped rows leave the table
q "$OLD" "CREATE EXTENSION pg_arabic VERSION '1.0'"
q "$OLD" "INSERT INTO ar_gazetteer (name, type, canonical) VALUES ('tarquenza', 'organization', 'رابطة تاركوينزا')"
q "$OLD" "ALTER EXTENSION pg_arabic UPDATE TO '1.1'"
same "users' rows after the upgrade" "tarquenza|organization|رابطة تاركوينزا" \
	"$(q "$OLD" "SELECT string_agg(concat_ws('|', name, type, canonical), ',') FROM ar_gazetteer")"
case "$(q "$OLD" "$ENTS")" in
*"tarquenza:organization:رابطة تاركوينزا"*"الرباط:location:الرباط"*) pass "entities after the upgrade" ;;
*) failed "entities after the upgrade: '$(q "$OLD" "$ENTS")'" ;;
esac
# the upgraded gazetteer objects equal a fresh install's
schema() { "${BIN}pg_dump" -s -d "$1" | grep -v '^--' | grep -iE 'ar_gazetteer|constraint|check|type IN' | sort; }
same "gazetteer objects after the upgrade equal a fresh install" "$(schema "$SRC" | md5sum)" "$(schema "$OLD" | md5sum)"
exit $fail
