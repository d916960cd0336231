#!/bin/bash
# scripts/server-checks/40-soak.sh: concurrency soak: 8 pgbench clients for
# SOAK_SECONDS (default 60) mixing `ar` searches, ar_entities and gazetteer
# inserts/deletes.  Every concurrent answer is compared with the single-client
# one (a mismatch is an error), then: zero pgbench errors, no WARNING/ERROR/
# PANIC/FATAL in the server log during the soak, same checksums afterwards.
# Needs PGHOST/PGPORT/PGUSER; SOAK_LOG may name the server log explicitly.
set -euo pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SOAK_SECONDS=${SOAK_SECONDS:-60}
CLIENTS=${SOAK_CLIENTS:-8}
DB=pg_arabic_soak_$$
PSQL=(psql -X -q -At -v ON_ERROR_STOP=1)
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
fail=0
failed() { echo "FAIL: $*"; fail=1; }

PGBENCH=$(command -v pgbench || true)
if [ -z "$PGBENCH" ]; then
	PGBENCH=$({ ls -d /usr/lib/postgresql/*/bin/pgbench 2>/dev/null || true; } | sort -V | tail -n 1)
fi
[ -n "$PGBENCH" ] || { echo "FAIL: pgbench not found (postgresql-contrib or the server package)"; exit 1; }

"${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB"
trap '"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true' EXIT
q() { "${PSQL[@]}" -d "$DB" "$@"; }

q -f "$TOP/test/soak/setup.sql"
q -c "\\copy articles FROM '$TOP/demo/articles.tsv'"
q -f "$TOP/test/soak/terms.sql"
HAS_ENT=$(q -c "SELECT to_regprocedure('ar_entities(text)') IS NOT NULL")
HAS_GAZ=$(q -c "SELECT to_regclass('ar_gazetteer') IS NOT NULL")
[ "$HAS_ENT" = t ] && q -f "$TOP/test/soak/entities_ref.sql"

# the checksum of everything the soak reads: search answers and entities
ENT_STORED="''"
ENT_FRESH="''"
if [ "$HAS_ENT" = t ]; then
	ENT_STORED="(SELECT md5(string_agg(expected_entities, ',' ORDER BY id)) FROM articles)"
	ENT_FRESH="(SELECT md5(string_agg((SELECT md5(coalesce(string_agg(concat_ws('|', e.entity, e.type, e.start_pos, e.length, e.normalized), E'\\n' ORDER BY e.start_pos, e.type), '')) FROM ar_entities(a.body) e), ',' ORDER BY a.id)) FROM articles a)"
fi
checksum() {
	q -c "SELECT (SELECT md5(string_agg(expected, ',' ORDER BY id)) FROM soak_terms) || ' ' || $ENT_STORED"
}
# recomputed from scratch after the soak, with the queries of terms.sql and entities_ref.sql
fresh_checksum() {
	q -c "SELECT (SELECT md5(string_agg((SELECT md5(coalesce(string_agg(a.id || ':' || ts_rank(to_tsvector('ar', a.body), plainto_tsquery('ar', t.term))::numeric(10, 6), ',' ORDER BY a.id), '')) FROM articles a WHERE to_tsvector('ar', a.body) @@ plainto_tsquery('ar', t.term)), ',' ORDER BY t.id)) FROM soak_terms t) || ' ' || $ENT_FRESH"
}
before=$(checksum)

SCRIPTS=(-f "$TOP/test/soak/search.sql@5")
if [ "$HAS_ENT" = t ]; then
	SCRIPTS+=(-f "$TOP/test/soak/entities.sql@3")
else
	echo "SKIP: ar_entities does not exist yet: soak without entities"
fi
# BM25-ranked searches while other clients re-analyze the column
HAS_BM25=$(q -c "SELECT to_regprocedure('ar_bm25_analyze(regclass, name)') IS NOT NULL")
if [ "$HAS_BM25" = t ]; then
	q -f "$TOP/test/soak/bm25_setup.sql"
	SCRIPTS+=(-f "$TOP/test/soak/bm25.sql@2" -f "$TOP/test/soak/bm25_analyze.sql@1")
fi
if [ "$HAS_ENT" = t ] && [ "$HAS_GAZ" = t ]; then
	SCRIPTS+=(-f "$TOP/test/soak/gazetteer.sql@1")
else
	echo "SKIP: ar_gazetteer/ar_entities missing: soak without gazetteer changes"
fi

# the server log: SOAK_LOG, else $PGHOST/server.log (scripts/common.sh clusters)
LOG=${SOAK_LOG:-}
if [ -z "$LOG" ] && [ -n "${PGHOST:-}" ] && [ -r "$PGHOST/server.log" ]; then
	LOG=$PGHOST/server.log
fi
offset=0
[ -n "$LOG" ] && offset=$(stat -c %s "$LOG")

NTERMS=$(q -c "SELECT count(*) FROM soak_terms")
NART=$(q -c "SELECT count(*) FROM articles")
echo "soak: $CLIENTS clients, ${SOAK_SECONDS}s, $NTERMS search terms, $NART articles"
out=$("$PGBENCH" -n -c "$CLIENTS" -j 2 -T "$SOAK_SECONDS" -D nterms="$NTERMS" -D narticles="$NART" \
	"${SCRIPTS[@]}" "$DB" 2>&1) && rc=0 || rc=$?
grep -E '^(number of (transactions actually processed|failed transactions)|tps|latency average)|aborted|ERROR' <<<"$out" | head -n 20
if [ $rc -ne 0 ]; then
	failed "pgbench exited with status $rc"
	grep -E 'ERROR|aborted' <<<"$out" | head -n 5
elif grep -qE 'number of failed transactions: [1-9]|aborted' <<<"$out"; then
	failed "pgbench reports failed or aborted transactions"
else
	echo "PASS: pgbench, $CLIENTS clients, no errors"
fi

if [ -n "$LOG" ]; then
	bad=$(tail -c +$((offset + 1)) "$LOG" | grep -E '(WARNING|ERROR|PANIC|FATAL):' || true)
	if [ -n "$bad" ]; then
		failed "server log has messages from the soak:"
		head -n 10 <<<"$bad"
	else
		echo "PASS: no WARNING/ERROR/PANIC/FATAL in the server log during the soak"
	fi
else
	echo "SKIP: server log not found (set SOAK_LOG): log not checked"
fi

if [ "$HAS_ENT" = t ] && [ "$HAS_GAZ" = t ]; then
	miss=$(q -c "SELECT count(*) FROM soak_gaz_miss")
	left=$(q -c "SELECT count(*) FROM ar_gazetteer WHERE name LIKE 'Soakzq%'")
	[ "$miss" = 0 ] && echo "PASS: every gazetteer insert was seen by the session's next ar_entities call" ||
		failed "$miss gazetteer inserts were not seen by the session's next ar_entities call"
	[ "$left" = 0 ] || failed "$left soak rows left in ar_gazetteer"
fi

after=$(fresh_checksum)
if [ "$before" = "$after" ]; then
	echo "PASS: search and entity checksums after the soak equal the single-client ones"
else
	failed "checksums differ after the soak: before $before, after $after"
fi

[ $fail -eq 0 ] && echo "PASS: soak" || echo "FAIL: soak"
exit $fail
