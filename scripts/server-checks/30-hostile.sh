#!/bin/bash
# scripts/server-checks/30-hostile.sh: hostile inputs through the server: huge,
# degenerate and adversarial texts into every pg_arabic function.
# Checks: no crash (the server still answers), no unexpected error, linear time
# (an input of size 4N takes less than 8 times size N: quadratic work would
# take 16 times, and the wide margin keeps a busy machine from failing it), and statement_timeout
# cancels ar_entities on 100 MB within about a second, and inside one
# 50-million-letter word well before the word is read.  Needs PGHOST/PGPORT/PGUSER.
set -euo pipefail

DB=pg_arabic_hostile_$$
PSQL=(psql -X -q -At -v ON_ERROR_STOP=1)
# NOTICEs ("word is too long to be indexed") are expected and not the output
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
fail=0
pass() { echo "PASS: $*"; }
failed() { echo "FAIL: $*"; fail=1; }

"${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB"
trap '"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true' EXIT
q() { "${PSQL[@]}" -d "$DB" "$@"; }
alive() { q -c "SELECT 1" 2>/dev/null | grep -qx 1; }

# run(expr, n): seconds taken by expr over the input built server-side with the
# generator (below) for n units, "error: ..." for an SQL error.  The input is
# built before the clock starts.
q <<'SQL'
CREATE EXTENSION pg_arabic;
CREATE TABLE hostile_in (x text);
CREATE FUNCTION hostile_run(expr text, gen text, n int) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	x text;
	t0 timestamptz;
	r text;
BEGIN
	EXECUTE 'SELECT ' || gen USING n INTO x;
	t0 := clock_timestamp();
	-- the input goes through a one-row table, so that the planner cannot fold the
	-- immutable call into a constant (it would copy a 100 MB value several times)
	TRUNCATE hostile_in;
	INSERT INTO hostile_in VALUES (x);
	t0 := clock_timestamp();
	EXECUTE 'SELECT (' || expr || ')::text FROM hostile_in' INTO r;
	RETURN round(extract(epoch FROM clock_timestamp() - t0)::numeric, 4)::text;
EXCEPTION WHEN OTHERS THEN
	RETURN 'error: ' || SQLSTATE || ' ' || SQLERRM;
END $$;
SQL
HAS_ENT=$(q -c "SELECT to_regprocedure('ar_entities(text)') IS NOT NULL")

FUNCS=("ar_normalize|length(ar_normalize(x))" "to_tsvector ar|length(to_tsvector('ar', x))"
	"ar_stem|length(ar_stem(x))")
if [ "$HAS_ENT" = t ]; then
	FUNCS+=("ar_entities|(SELECT count(*) FROM ar_entities(x))")
else
	echo "SKIP: ar_entities does not exist yet: not tested"
fi

# name, generator of the input for $1 units, N (the linearity check uses N and 4N)
NAMES=() GENS=() NS=()
input() { NAMES+=("$1"); GENS+=("$2"); NS+=("$3"); }
input "combining marks" "'ب' || repeat(U&'\064E\0651', \$1 / 2)" 1000000
input "one long word" "repeat('ب', \$1)" 100000
input "bidi controls only" "repeat(U&'\200F\202B\2066\202C\2069\200E\061C\FEFF', \$1 / 8)" 1000000
input "arabic/latin alternating" "repeat('بa', \$1 / 2)" 1000000
input "digit runs" "repeat('1234567890', \$1 / 20) || ' ' || repeat(U&'\0661\0662\0663\0664\0665\0666\0667\0668\0669\0660', \$1 / 20)" 1000000
input "repeated clitics" "repeat('وبال', \$1)" 100000
input "dotted latin run" "repeat('a.', \$1 / 2)" 1000000
input "clitics, spaced" "repeat('وبال ', \$1)" 100000

# Is an error acceptable?  Only PostgreSQL's documented size limits of tsvector.
expected_error() { grep -qE '54000 (string is too long for tsvector|word is too long)' <<<"$1"; }

for i in "${!NAMES[@]}"; do
	name=${NAMES[$i]} gen=${GENS[$i]} n=${NS[$i]}
	for f in "${FUNCS[@]}"; do
		fname=${f%%|*} expr=${f#*|}
		expr_sql=${expr//\'/\'\'}
		gen_sql=${gen//\'/\'\'}
		# best of three runs at each size: the check is about growth, not noise
		out=$(q -c "SELECT string_agg(hostile_run('$expr_sql', '$gen_sql', s), ' ' ORDER BY k)
			FROM unnest(ARRAY[$n, $((4 * n)), $n, $((4 * n)), $n, $((4 * n))]) WITH ORDINALITY u(s, k)" 2>&1) || true
		if ! alive; then
			failed "$name through $fname: the server stopped answering ($out)"
			exit 1
		fi
		if grep -q 'error:' <<<"$out"; then
			if expected_error "$out"; then
				pass "$name through $fname: documented size limit ($(sed 's/.*error: //' <<<"$out" | head -c 120))"
			else
				failed "$name through $fname: $out"
			fi
			continue
		fi
		read -r a1 b1 a2 b2 a3 b3 <<<"$out"
		if awk -v a1="$a1" -v b1="$b1" -v a2="$a2" -v b2="$b2" -v a3="$a3" -v b3="$b3" 'BEGIN {
			a = a1 < a2 ? a1 : a2; a = a < a3 ? a : a3
			b = b1 < b2 ? b1 : b2; b = b < b3 ? b : b3
			# under 50 ms both ways the ratio is noise
			exit !(b < 8 * a || b < 0.05) }'; then
			pass "$name through $fname: N ${a1}s/${a2}s, 4N ${b1}s/${b2}s"
		else
			failed "$name through $fname: not linear: N ${a1}s/${a2}s, 4N ${b1}s/${b2}s"
		fi
	done
done

# 100 MB of text, built server-side, once through each function
BIG="repeat('وقال رئيس الجمعية محمد بنعلي يوم 20 سبتمبر 2023 إن 40 ملفا ما تزال معروضة على القضاء في الرباط. ', \$1 / 160)"
for f in "${FUNCS[@]}"; do
	fname=${f%%|*} expr=${f#*|}
	out=$(q -c "SELECT hostile_run('${expr//\'/\'\'}', '${BIG//\'/\'\'}', 100000000)" 2>&1) || true
	if ! alive; then
		failed "100 MB through $fname: the server stopped answering ($out)"
		exit 1
	fi
	if grep -q 'error:' <<<"$out" && ! expected_error "$out"; then
		failed "100 MB through $fname: $out"
	else
		pass "100 MB through $fname: $out"
	fi
done

# statement_timeout must interrupt a long ar_entities call (CHECK_FOR_INTERRUPTS)
if [ "$HAS_ENT" = t ]; then
	t0=$(date +%s%N)
	out=$(q -c "SET statement_timeout = '1s'" \
		-c "SELECT count(*) FROM ar_entities(${BIG//\$1/100000000})" 2>&1) && rc=0 || rc=$?
	ms=$((($(date +%s%N) - t0) / 1000000))
	if [ $rc -ne 0 ] && grep -q 'statement timeout' <<<"$out" && [ $ms -lt 2500 ]; then
		pass "statement_timeout 1s cancelled ar_entities on 100 MB after ${ms} ms"
	elif [ $rc -eq 0 ]; then
		echo "NOTE: ar_entities finished 100 MB within the 1s timeout (${ms} ms): nothing to cancel"
	else
		failed "statement_timeout 1s on ar_entities over 100 MB: ${ms} ms, $out"
	fi
	alive || { failed "server not answering after the timeout check"; exit 1; }

	# one word of 50 million letters: the tokenizer returns it in 16 kB pieces,
	# so the engine's byte progress reaches the glue inside it.  The word is
	# stored first, and the time is the server's (psql \timing); most of it
	# is detoasting the 100 MB value, which no interrupt can stop.  The
	# tokenizer reads an Arabic word at about 1 GB/s, so a build without the
	# cut was cancelled after about the same time here (0.19 s, where the
	# issue measured 0.95 s on an older, slower tokenizer): this check guards
	# against regressions; the unit test entities_progress is the one that
	# fails without the cut.
	q -c "CREATE TABLE hostile_word AS SELECT repeat('ب', 50000000) x"
	out=$(q -c '\timing on' -c "SET statement_timeout = '100ms'" \
		-c "SELECT count(*) FROM hostile_word, ar_entities(x)" 2>&1) && rc=0 || rc=$?
	ms=$(sed -n 's/^Time: \([0-9]*\)\..*/\1/p' <<<"$out" | tail -1)
	if [ $rc -ne 0 ] && grep -q 'statement timeout' <<<"$out" && [ -n "$ms" ] && [ "$ms" -lt 600 ]; then
		pass "statement_timeout 100ms cancelled ar_entities inside one 50-million-letter word after ${ms} ms"
	else
		failed "statement_timeout 100ms on one 50-million-letter word: rc $rc, ${ms:-?} ms, $out"
	fi
	alive || { failed "server not answering after the long-word timeout check"; exit 1; }
else
	echo "SKIP: statement_timeout check (ar_entities does not exist yet)"
fi

[ $fail -eq 0 ] && echo "PASS: hostile inputs" || echo "FAIL: hostile inputs"
exit $fail
