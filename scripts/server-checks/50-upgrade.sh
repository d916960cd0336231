#!/bin/bash
# scripts/server-checks/50-upgrade.sh: ALTER EXTENSION pg_arabic UPDATE from
# every released version with user data that depends on the extension, then:
#  - the extension's member objects equal those of a fresh install of the
#    default version, compared fact by fact from the catalogs
#    (lib/ext_fingerprint.sql: generic, so objects added later are covered);
#  - the rows the extension ships in its tables equal a fresh install's;
#  - the user's gazetteer rows, table, generated column, GIN and expression
#    indexes, view and dictionary survive, and the schema of user objects
#    (pg_dump -s) is the same as in a database where they were created on
#    the fresh install;
#  - the rebuild plan of the README (lib/rebuild_plan.sql) lists what stores
#    pg_arabic output, and after it the results of searches, entities, the
#    view and the dictionary are the same in both databases.
# Needs PGHOST/PGPORT/PGUSER and PGBIN (from scripts/common.sh) or pg_dump on PATH.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
BIN=${PGBIN:+$PGBIN/}
PSQL=(psql -X -q -At -v ON_ERROR_STOP=1)
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/pg_arabic_upgrade.XXXXXX")
NEW=pg_arabic_upgrade_fresh_$$
DBS=()
cleanup() {
	for db in "${DBS[@]}" "$NEW"; do
		"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
	done
	rm -rf "$TMP"
}
trap cleanup EXIT
fail=0
pass() { echo "PASS: $*"; }
failed() { echo "FAIL: $*"; fail=1; }
q() { "${PSQL[@]}" -d "$@"; }

default=$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" "$TOP/pg_arabic.control")
# the package and PGXN versions follow the control file's (a release bumps all)
meta=$(sed -n 's/^\t"version": "\(.*\)",$/\1/p' "$TOP/META.json")
deb=$(sed -n '1s/^[^ ]* (\([^)-]*\).*/\1/p' "$TOP/debian/changelog")
case "$meta/$deb" in
"$default".*/"$default" | "$default".*/"$default".*) pass "META.json ($meta) and debian/changelog ($deb) are at $default" ;;
*) failed "versions: pg_arabic.control $default, META.json '$meta', debian/changelog '$deb'" ;;
esac

# every older release that can still be installed (pg_arabic--X.sql beside
# the control file); ALTER EXTENSION finds the chain of upgrade scripts
extdir=$("${BIN}pg_config" --sharedir 2>/dev/null || pg_config --sharedir)/extension
old_versions=$(ls "$extdir" | sed -n 's/^pg_arabic--\([0-9.]*\)\.sql$/\1/p' | grep -vxF "$default" | sort -V)
[ -n "$old_versions" ] || { failed "no older pg_arabic--X.sql installed in $extdir"; exit 1; }

# What a user builds on pg_arabic, the same in every database.  Names come
# from a watch list of our own; articles are demo/articles.tsv (ours).
USER_SETUP=$(cat <<'SQL'
INSERT INTO ar_gazetteer (name, type, canonical) VALUES
	('مرصد النزاهة المتوسطي', 'organization', 'مرصد النزاهة المتوسطي'),
	('MIO', 'organization', 'مرصد النزاهة المتوسطي'),
	('سلمى بن حميدة', 'person', 'سلمى بن حميدة'),
	('وادي الريحان', 'location', NULL);
CREATE TABLE articles (
	id			int PRIMARY KEY,
	published	date NOT NULL,
	title		text NOT NULL,
	body		text NOT NULL,
	tsv			tsvector GENERATED ALWAYS AS (to_tsvector('ar', title || ' ' || body)) STORED
);
CREATE INDEX articles_tsv ON articles USING gin (tsv);
CREATE INDEX articles_title_norm ON articles (ar_normalize(title));
\copy articles (id, published, title, body) FROM 'demo/articles.tsv'
INSERT INTO articles (id, published, title, body) VALUES
	(100, '2024-02-01', 'مرصد النزاهة المتوسطي يصدر تقريره',
	 'قالت سلمى بن حميدة رئيسة مرصد النزاهة المتوسطي (MIO) إن بلديات وادي الريحان نشرت ميزانياتها.');
CREATE VIEW article_entities AS
	SELECT a.id, e.entity, e.type, e.start_pos, e.normalized
	FROM articles a, ar_entities(a.title || E'\n' || a.body) e;
CREATE TEXT SEARCH DICTIONARY ar_stem_nostop (TEMPLATE = ar_stem, Mode = light);
CREATE TEXT SEARCH CONFIGURATION ar_nostop (COPY = ar);
ALTER TEXT SEARCH CONFIGURATION ar_nostop ALTER MAPPING FOR arabic WITH ar_stem_nostop;
SQL
)

# Results a user sees; each line is compared between the two databases.
RESULTS=$(cat <<'SQL'
SET enable_seqscan = off;
SELECT 'search ' || w || ': ' || coalesce(string_agg(id::text, ',' ORDER BY id), '')
FROM (VALUES ('ابتزاز'), ('"غسل الأموال"'), ('الجرائم السيبرانية -الإنتربول'), ('النزاهة')) v(w)
LEFT JOIN articles ON tsv @@ websearch_to_tsquery('ar', w) GROUP BY w ORDER BY w;
SELECT 'stored tsvectors ' || md5(string_agg(tsv::text, '|' ORDER BY id)) FROM articles;
SELECT 'expression index ' || coalesce(string_agg(id::text, ',' ORDER BY id), '')
FROM articles WHERE ar_normalize(title) = ar_normalize('الجزائر: وزير الداخلية يعرض مشروع قانون لتعزيز الأمن السيبراني');
RESET enable_seqscan;
SELECT 'view ' || count(*) || ' ' || md5(string_agg(concat_ws(':', id, entity, type, start_pos, normalized), '|'
										ORDER BY id, start_pos, type, entity)) FROM article_entities;
SELECT 'user rows in text: ' || string_agg(entity || '/' || type || '/' || normalized, ', ' ORDER BY start_pos)
FROM article_entities WHERE id = 100 AND type IN ('person', 'organization', 'location');
SELECT 'user dictionary ' || ts_lexize('ar_stem_nostop', w)::text || ' ' || to_tsvector('ar_nostop', w)::text
FROM (VALUES ('والكتاب'), ('في'), ('بالمستشفيات')) v(w);
SELECT 'user gazetteer rows ' || string_agg(concat_ws('/', name, type, canonical), ', ' ORDER BY name, type)
FROM ar_gazetteer WHERE NOT shipped;
SQL
)

fingerprint() { q "$1" -v ext=pg_arabic -f "$HERE/lib/ext_fingerprint.sql"; }
# The rows the extension ships in each of its tables: all rows of a member
# table, but for configuration tables only those outside the dump condition
# (the rows pg_dump leaves to CREATE EXTENSION).
shipped_rows() {
	local db=$1 tab cond
	q "$db" -F $'\t' -c "SELECT c.oid::regclass, coalesce(x.extcondition[array_position(x.extconfig, c.oid)], '-')
		FROM pg_extension x JOIN pg_depend d ON d.refobjid = x.oid AND d.refclassid = 'pg_extension'::regclass
		AND d.deptype = 'e' AND d.classid = 'pg_class'::regclass JOIN pg_class c ON c.oid = d.objid
		WHERE x.extname = 'pg_arabic' AND c.relkind IN ('r', 'p') ORDER BY 1" |
	while IFS=$'\t' read -r tab cond; do
		case "$cond" in
		-) q "$db" -c "SELECT '$tab ' || count(*) || ' rows ' || md5(coalesce(string_agg(t::text, E'\n' ORDER BY t::text), '')) FROM $tab t" ;;
		'') echo "$tab: configuration table, all rows are the user's" ;;
		*) q "$db" -c "SELECT '$tab ' || count(*) || ' shipped rows ' || md5(coalesce(string_agg(t::text, E'\n' ORDER BY t::text), ''))
				FROM $tab t WHERE NOT EXISTS (SELECT FROM $tab u WHERE (${cond#WHERE }) AND u.ctid = t.ctid)" ;;
		esac
	done
}
# the schema of the user's objects (pg_dump's per-run \restrict keys aside)
dump_schema() { "${BIN}pg_dump" -s -d "$1" | grep -v '^\\\(un\)\?restrict '; }
# compare WHAT A B: PASS when the two files are equal, else FAIL with the diff
compare() {
	if diff -u "$2" "$3" > "$TMP/diff"; then
		pass "$1 ($(wc -l < "$2") lines equal)"
	else
		failed "$1 differ (- upgraded, + fresh):"
		head -n 60 "$TMP/diff"
	fi
}

cd "$TOP"
q postgres -c "CREATE DATABASE $NEW"
q "$NEW" -c "CREATE EXTENSION pg_arabic"
q "$NEW" <<< "$USER_SETUP"
fingerprint "$NEW" > "$TMP/fresh.fp"
shipped_rows "$NEW" > "$TMP/fresh.rows"
dump_schema "$NEW" > "$TMP/fresh.schema"
q "$NEW" <<< "$RESULTS" > "$TMP/fresh.results"
echo "fresh $default install: $(wc -l < "$TMP/fresh.fp") catalog facts about $(grep -c '| member: ' "$TMP/fresh.fp") member objects"

for from in $old_versions; do
	OLD=pg_arabic_upgrade_from_${from//./_}_$$
	DBS+=("$OLD")
	echo "-- upgrade from $from to $default"
	q postgres -c "CREATE DATABASE $OLD"
	q "$OLD" -c "CREATE EXTENSION pg_arabic VERSION '$from'"
	q "$OLD" <<< "$USER_SETUP"
	if ! q "$OLD" -c "ALTER EXTENSION pg_arabic UPDATE"; then
		failed "ALTER EXTENSION pg_arabic UPDATE from $from"
		continue
	fi
	v=$(q "$OLD" -c "SELECT extversion FROM pg_extension WHERE extname = 'pg_arabic'")
	[ "$v" = "$default" ] && pass "$from updated to $v" || failed "$from updated to '$v', not $default"

	fingerprint "$OLD" > "$TMP/upgraded.fp"
	compare "extension objects after the update from $from and a fresh $default install" "$TMP/upgraded.fp" "$TMP/fresh.fp"
	shipped_rows "$OLD" > "$TMP/upgraded.rows"
	compare "rows shipped in the extension's tables" "$TMP/upgraded.rows" "$TMP/fresh.rows"
	dump_schema "$OLD" > "$TMP/upgraded.schema"
	compare "user objects (pg_dump -s)" "$TMP/upgraded.schema" "$TMP/fresh.schema"

	# The rebuild plan must find every object that stores pg_arabic output.
	q "$OLD" -F $'\t' -f "$HERE/lib/rebuild_plan.sql" > "$TMP/plan"
	for want in 'column tsv of table articles	UPDATE articles SET' \
		'index articles_title_norm	REINDEX INDEX CONCURRENTLY articles_title_norm;' \
		'view article_entities	-- nothing stored' 'text search dictionary ar_stem_nostop	-- nothing stored'; do
		grep -qF "$want" "$TMP/plan" && pass "rebuild plan: ${want//	/ → }" || failed "rebuild plan lacks '$want': $(cat "$TMP/plan")"
	done
	# stored tsvectors the upgrade made stale (the configuration changed)
	changed=$(q "$OLD" -c "SELECT count(*) FILTER (WHERE tsv IS DISTINCT FROM to_tsvector('ar', title || ' ' || body))
		|| ' of ' || count(*) FROM articles")
	echo "stored tsvectors that the update made stale: $changed"
	# Follow the plan (REINDEX CONCURRENTLY cannot run in a transaction block:
	# one statement per call).
	cut -f2 "$TMP/plan" | grep -v '^--' | while read -r stmt; do q "$OLD" -c "$stmt"; done
	changed=$(q "$OLD" -c "SELECT count(*) FROM articles WHERE tsv IS DISTINCT FROM to_tsvector('ar', title || ' ' || body)")
	[ "$changed" = 0 ] && pass "after the rebuild plan every stored tsvector is current" ||
		failed "$changed stored tsvectors still stale after the rebuild plan"
	q "$OLD" -c "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
		WHERE c.relname = 'articles' AND i.indisvalid AND i.indisready" > "$TMP/valid"
	[ "$(cat "$TMP/valid")" = 3 ] && pass "user indexes valid (3)" || failed "valid user indexes: $(cat "$TMP/valid"), want 3"

	q "$OLD" <<< "$RESULTS" > "$TMP/upgraded.results"
	compare "results (search, stored tsvectors, expression index, view, user rows, dictionary)" \
		"$TMP/upgraded.results" "$TMP/fresh.results"
done
sed 's/^/  /' "$TMP/fresh.results" | cut -c1-160
exit $fail
