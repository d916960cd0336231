#!/bin/bash
# scripts/server-checks/60-standby.sh: pg_arabic on a read replica.  Makes a
# hot standby of the test cluster with pg_basebackup -R (as the cluster user,
# its own port and socket directory under a temporary directory), then:
#  - search through the GIN index and ar_entities give the primary's results;
#  - a gazetteer row inserted on the primary is seen by a standby session that
#    was already connected (and had built its compiled gazetteer), once the
#    standby has replayed the insert; its deletion likewise;
#  - the standby refuses writes to ar_gazetteer (it is read-only).
# Stops the standby and removes its files on exit.  Needs PGHOST/PGPORT/PGUSER
# of a running primary and PGBIN (scripts/test.sh sets them).
source "$(dirname "$0")/../common.sh"

BIN=${PGBIN:+$PGBIN/}
DB=pg_arabic_standby_$$
TMP=$(mktemp -d "${TMPDIR:-/tmp}/pg_arabic_standby.XXXXXX")
SB=$TMP/standby
SPORT=$((55000 + $$ % 900))
chmod 755 "$TMP"
[ "$(cluster_user)" = "$(id -un)" ] || chown "$(cluster_user)" "$TMP"
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
PSQL=(psql -X -q -At -v ON_ERROR_STOP=1)
fail=0
pass() { echo "PASS: $*"; }
failed() { echo "FAIL: $*"; fail=1; }
primary() { "${PSQL[@]}" -d "$DB" "$@"; }
standby() { "${PSQL[@]}" -h "$TMP" -p "$SPORT" -d "$DB" "$@"; }

cleanup() {
	[ -z "${SESSION_PID:-}" ] || kill "$SESSION_PID" 2>/dev/null || true
	[ ! -f "$SB/PG_VERSION" ] || as_cluster "${BIN}pg_ctl" -D "$SB" -m immediate -w stop >/dev/null 2>&1 || true
	"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM	# and so through cleanup

# wait_replay: until the standby has replayed everything the primary wrote so far
wait_replay() {
	local lsn i
	lsn=$("${PSQL[@]}" -d postgres -c "SELECT pg_current_wal_lsn()")
	for i in $(seq 1 300); do
		[ "$(standby -c "SELECT pg_last_wal_replay_lsn() >= '$lsn'")" = t ] && return 0
		sleep 0.1
	done
	failed "the standby did not replay up to $lsn within 30 s"
	return 1
}

cd "$TOP"
"${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB"
primary <<'SQL'
CREATE EXTENSION pg_arabic;
CREATE TABLE articles (id int PRIMARY KEY, title text NOT NULL, body text NOT NULL,
	tsv tsvector GENERATED ALWAYS AS (to_tsvector('ar', title || ' ' || body)) STORED);
CREATE INDEX articles_tsv ON articles USING gin (tsv);
CREATE TEMP TABLE demo (id int, published date, title text, body text);
\copy demo FROM 'demo/articles.tsv'
INSERT INTO articles SELECT id, title, body FROM demo;
SQL
# real news too, when the ANT corpus is in the tree (demo/ant)
if [ -f demo/ant/articles.tsv.xz ]; then
	command -v xz >/dev/null || apt_install xz-utils
	# (xz is cut short by head: its SIGPIPE is no error)
	{ xz -dc demo/ant/articles.tsv.xz || true; } | head -n 401 |
		primary -c "CREATE TEMP TABLE ant (docno text, category text, published text, title text, body text);
			COPY ant FROM STDIN WITH (FORMAT text, HEADER true);
			INSERT INTO articles SELECT 1000 + row_number() OVER (ORDER BY docno), title, body FROM ant"
fi

cd "$TMP"	# where the cluster user may enter
say "pg_basebackup -R of the test cluster into $SB, standby on port $SPORT"
# (its warnings about the primary's socket file in the data directory are noise)
as_cluster "${BIN}pg_basebackup" -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -D "$SB" -R -X stream -c fast \
	2> "$TMP/basebackup.log" || { cat "$TMP/basebackup.log"; exit 1; }
as_cluster "${BIN}pg_ctl" -D "$SB" -w -t 60 -l "$TMP/standby.log" \
	-o "-p $SPORT -k $TMP -c listen_addresses='' -c hot_standby=on" start >/dev/null
[ "$(standby -c "SELECT pg_is_in_recovery()")" = t ] && pass "the standby is in recovery (hot standby)" ||
	failed "the standby is not in recovery"
wait_replay

# the same results on both sides
RESULTS=$(cat <<'SQL'
SET enable_seqscan = off;
SELECT 'search ' || w || ': ' || count(id) || ' ' || md5(coalesce(string_agg(id::text, ',' ORDER BY id), ''))
FROM (VALUES ('ابتزاز'), ('"غسل الأموال"'), ('الحكومة'), ('تونس -فرنسا')) v(w)
LEFT JOIN articles ON tsv @@ websearch_to_tsquery('ar', w) GROUP BY w ORDER BY w;
RESET enable_seqscan;
SELECT 'entities ' || count(*) || ' ' || md5(string_agg(concat_ws(':', a.id, e.type, e.start_pos, e.normalized), '|'
											ORDER BY a.id, e.start_pos, e.type, e.normalized))
FROM articles a, ar_entities(a.title || E'\n' || a.body) e;
SQL
)
p=$(primary <<< "$RESULTS"); s=$(standby <<< "$RESULTS")
if [ "$p" = "$s" ]; then
	pass "search and ar_entities on the standby equal the primary's ($(primary -c 'SELECT count(*) FROM articles') articles)"
	echo "$p" | sed 's/^/  /'
else
	failed "standby results differ from the primary's"; diff <(echo "$p") <(echo "$s") || true
fi
plan=$(standby -c "SET enable_seqscan = off; EXPLAIN (COSTS OFF) SELECT id FROM articles WHERE tsv @@ to_tsquery('ar', 'ابتزاز')")
grep -q articles_tsv <<< "$plan" && pass "the standby searches through the GIN index" || failed "no index scan on the standby: $plan"

# An already-connected standby session sees gazetteer changes after replay.
# The session is one psql process fed through a pipe; each answer ends with
# a marker line.
mkfifo "$TMP/in" "$TMP/out"
standby < "$TMP/in" > "$TMP/out" 2>&1 &
SESSION_PID=$!
exec 3> "$TMP/in" 4< "$TMP/out"
ask() {
	local line answer=
	printf '%s;\n\\echo @@done\n' "$1" >&3
	while IFS= read -r -t 30 line <&4; do
		[ "$line" = @@done ] && break
		answer+="${answer:+ }$line"
	done
	echo "$answer"
}
TEXT="أصدر مرصد الفجر للشفافية (MFS) تقريره السنوي"
WATCH="SELECT count(*) FROM ar_entities('$TEXT') WHERE normalized = 'مرصد الفجر للشفافية' AND type = 'organization' AND entity = 'MFS'"
pid=$(ask "SELECT pg_backend_pid()")
before=$(ask "$WATCH")
primary -c "INSERT INTO ar_gazetteer (name, type, canonical) VALUES ('MFS', 'organization', 'مرصد الفجر للشفافية')"
wait_replay
after=$(ask "$WATCH")
primary -c "DELETE FROM ar_gazetteer WHERE name = 'MFS' AND NOT shipped"
wait_replay
removed=$(ask "$WATCH")
pid_after=$(ask "SELECT pg_backend_pid()")
if [ "$before/$after/$removed" = "0/1/0" ] && [ -n "$pid" ] && [ "$pid" = "$pid_after" ]; then
	pass "standby session $pid (connected before the change) sees the primary's new gazetteer row after replay, and its deletion (matches: $before → $after → $removed)"
else
	failed "standby session $pid/$pid_after: matches before/after insert/after delete = $before/$after/$removed, want 0/1/0"
fi
err=$(standby -c "INSERT INTO ar_gazetteer (name, type) VALUES ('x', 'person')" 2>&1) && failed "the standby accepted a write" ||
	{ grep -q "read-only transaction" <<< "$err" && pass "the standby refuses writes to ar_gazetteer (read-only transaction)" || failed "unexpected error: $err"; }
exec 3>&- 4<&-
wait "$SESSION_PID" 2>/dev/null || true
SESSION_PID=
if grep -E 'PANIC|TRAP|terminated by signal' "$TMP/standby.log"; then failed "standby log shows a crash"; fi
exit $fail
