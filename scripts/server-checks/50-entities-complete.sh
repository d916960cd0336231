#!/bin/bash
# scripts/server-checks/50-entities-complete.sh: ar_entities returns all its rows
# or raises.  Interrupts that are not a cancel (a parallel leader's messages from
# its workers, client_connection_check_interval) never cut the result short, a
# cancel raises, and an ERROR while rows are emitted (temp_file_limit) leaks no
# memory of the engine.  Needs PGHOST/PGPORT/PGUSER (a superuser: it reads
# /proc/self/status through pg_read_file).
set -euo pipefail

DB=pg_arabic_complete_$$
PSQL=(psql -X -q -At -v ON_ERROR_STOP=1)
fail=0
pass() { echo "PASS: $*"; }
failed() { echo "FAIL: $*"; fail=1; }

"${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB"
trap '"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true' EXIT
q() { "${PSQL[@]}" -d "$DB" "$@"; }

q <<'SQL'
CREATE EXTENSION pg_arabic;
CREATE TABLE docs AS
	SELECT g AS id, repeat('أعلنت الوزيرة سلمى الحسيني يوم 3 أكتوبر 2024 أن 4.2 مليون يورو خصصت لمدينة طنجة وللبنك الدولي. ', 60) AS body
	FROM generate_series(1, 120) g;
ANALYZE docs;
SQL
COUNT="SELECT count(*) FROM docs, ar_entities(body)"
PARALLEL="SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
	SET max_parallel_workers_per_gather = 2; SET parallel_leader_participation = on;"
serial=$(q -c "SET max_parallel_workers_per_gather = 0; $COUNT")
[ "$serial" -gt 10000 ] || failed "serial count too small to test: $serial"

# the leader gets a signal for every batch its workers send
if q -c "$PARALLEL EXPLAIN $COUNT" | grep -q Gather; then
	for i in 1 2 3; do
		got=$(q -c "$PARALLEL $COUNT")
		if [ "$got" = "$serial" ]; then pass "parallel plan, run $i: $got rows"; else failed "parallel plan, run $i: $got rows, serial $serial"; fi
	done
else
	failed "no parallel plan: the check cannot run"
fi
# a timer interrupt every millisecond
got=$(q -c "SET client_connection_check_interval = '1ms'; $COUNT")
if [ "$got" = "$serial" ]; then pass "client_connection_check_interval: $got rows"; else failed "client_connection_check_interval: $got rows, serial $serial"; fi
# a real cancel still stops it, with an error
out=$(q -c "SET statement_timeout = '50ms'; SELECT count(*) FROM ar_entities(repeat('قال الرئيس إن 15 سبتمبر 2023. ', 2000000))" 2>&1 || true)
case "$out" in
*"canceling statement due to statement timeout"*) pass "statement_timeout raises" ;;
*) failed "statement_timeout: '$out'" ;;
esac

# An ERROR raised while rows are emitted must not leak the engine's buffers
# (as long as the longest word): the backend's resident size stays flat over
# 15 failing calls on a text with a 4-million-letter word.
rss=$(q <<'SQL'
SET work_mem = '64kB';
SET temp_file_limit = '256kB';
CREATE TEMP TABLE big AS SELECT repeat('ب', 4000000) || repeat(' 15 سبتمبر 2023 و 7 ', 40000) AS t;
CREATE FUNCTION rss_kb() RETURNS bigint LANGUAGE sql AS
	$$ SELECT substring(pg_read_file('/proc/self/status') FROM 'VmRSS:\s+(\d+)')::bigint $$;
CREATE FUNCTION fail_once() RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	PERFORM count(*) FROM big, ar_entities(t);
	RETURN 'no error';
EXCEPTION WHEN configuration_limit_exceeded THEN
	RETURN 'error';
END $$;
SELECT fail_once();
SELECT rss_kb();
SELECT fail_once() FROM generate_series(1, 15) GROUP BY 1;
SELECT rss_kb();
SQL
)
set -- $rss
if [ "${1:-}" = error ] && [ "${3:-}" = error ] && [ $(( ${4:-0} - ${2:-0} )) -lt 20000 ]; then
	pass "ERROR while emitting: resident size $2 kB, then $4 kB after 15 more"
else
	failed "ERROR while emitting: got '$rss' (want error, size, error, size growing < 20 MB)"
fi
exit $fail
