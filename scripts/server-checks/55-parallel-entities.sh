#!/bin/bash
# scripts/server-checks/55-parallel-entities.sh: ar_entities() gives the same
# rows with and without parallel workers, over the ANT articles (demo/ant).
# A parallel query's leader gets messages from its workers; ar_entities once
# took them for a cancel and silently dropped the rest of a text's entities
# (1 to 27 of 95,519 in our runs).  Runs the extraction once serially and three times
# with forced parallel plans, and compares every row.  Needs PGHOST/PGPORT/PGUSER.
source "$(dirname "$0")/../common.sh"

command -v xz >/dev/null || apt_install xz-utils
DB=pg_arabic_parallel_$$
PSQL=(psql -X -q -At -v ON_ERROR_STOP=1)
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
"${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB"
trap '"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true' EXIT
q() { "${PSQL[@]}" -d "$DB" "$@"; }

q -c "CREATE EXTENSION pg_arabic" \
	-c "CREATE TABLE ant (docno text, category text, published text, title text, body text)"
xz -dc "$TOP/demo/ant/articles.tsv.xz" | q -c "COPY ant FROM STDIN WITH (FORMAT text, HEADER true)"
q -c "ANALYZE ant"
ENTITIES="SELECT count(*) || ' ' || md5(string_agg(concat_ws(':', docno, start_pos, type, length, normalized), '|'
		ORDER BY docno, start_pos, type, length, normalized))
	FROM ant a, ar_entities(a.title || E'\n' || a.body) e"
serial=$(q -c "SET max_parallel_workers_per_gather = 0" -c "$ENTITIES")
fail=0
for run in 1 2 3; do
	plan=$(q -c "SET max_parallel_workers_per_gather = 2" -c "SET parallel_setup_cost = 0" -c "SET parallel_tuple_cost = 0" \
		-c "SET min_parallel_table_scan_size = 0" -c "EXPLAIN (COSTS OFF) $ENTITIES")
	par=$(q -c "SET max_parallel_workers_per_gather = 2" -c "SET parallel_setup_cost = 0" -c "SET parallel_tuple_cost = 0" \
		-c "SET min_parallel_table_scan_size = 0" -c "$ENTITIES")
	launched=$(grep -o 'Workers Planned: [0-9]*' <<< "$plan" | head -n 1)
	if [ "$par" = "$serial" ]; then
		echo "PASS: parallel run $run (${launched:-no workers}) equals the serial one: $serial"
	else
		echo "FAIL: parallel run $run (${launched:-no workers}): $par, serial: $serial"
		fail=1
	fi
done
exit $fail
