#!/bin/bash
# test/bench/bm25.sh: the BM25 figures of `make bench` (run.sh calls it), or
# alone against a running server: PGHOST=... PGPORT=... bash test/bench/bm25.sh
#
# On the ANT corpus (../shared/corpora/ant, 10,138 real articles) replicated
# to BENCH_BM25_DOCS documents (default 100,000):
#   - time of ar_bm25_analyze, with PostgreSQL's ts_stat() (the same counts in
#     plain SQL) for reference, and the backend's peak memory growth;
#   - cost of ranking 10,000 matching documents: the contract query
#     (WHERE tsv @@ q ORDER BY rank DESC LIMIT 10) with ar_bm25_rank vs
#     ts_rank, and with no ranking at all as the floor.
# Creates and drops its own database; reads /proc through pg_read_file, so it
# needs a superuser on the server's machine.  Quote the ratios, not the seconds.
set -euo pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ANT=${BENCH_ANT:-$TOP/../shared/corpora/ant/articles.tsv}
NDOCS=${BENCH_BM25_DOCS:-100000}
ROUNDS=${BENCH_ROUNDS:-3}
PSQL=(psql -X -q -v ON_ERROR_STOP=1)

if [ ! -r "$ANT" ]; then
	echo "bm25 bench skipped: the ANT corpus ($ANT) is absent (../shared is not beside the checkout)"
	exit 0
fi
DB=pg_arabic_bm25_bench_$$
"${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB"
trap '"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true' EXIT
q() { "${PSQL[@]}" -d "$DB" "$@"; }

q -c "CREATE EXTENSION pg_arabic" \
	-c "CREATE TABLE ant_src (docno text, category text, published text, title text, body text)" \
	-c "\\copy ant_src FROM '$ANT' WITH (FORMAT text, HEADER true)"
# Each article analyzed once, its tsvector copied; ids interleave the copies.
q <<SQL
CREATE TABLE ant (id int PRIMARY KEY, tsv tsvector);
INSERT INTO ant
SELECT (c - 1) * n.n + a.rn, a.tsv
FROM (SELECT row_number() OVER (ORDER BY docno)::int AS rn,
			 to_tsvector('ar', coalesce(title, '') || ' ' || coalesce(body, '')) AS tsv FROM ant_src) a,
	 (SELECT count(*)::int AS n FROM ant_src) n,
	 generate_series(1, ceil($NDOCS / (SELECT count(*) FROM ant_src)::numeric)::int) c
WHERE (c - 1) * n.n + a.rn <= $NDOCS;
CREATE INDEX ON ant USING gin (tsv);
VACUUM ANALYZE ant;
SQL
q -At -c "SELECT format('bm25: %s documents (ANT, %s articles, replicated), %s MB of tsvectors, %s rounds, medians, one backend',
	count(*), (SELECT count(*) FROM ant_src), round(sum(pg_column_size(tsv)) / 1e6), $ROUNDS) FROM ant"

SETTINGS="SET max_parallel_workers_per_gather = 0; SET jit = off;"
TIMED="CREATE FUNCTION pg_temp.timed(q text) RETURNS float8 LANGUAGE plpgsql AS \$\$
	DECLARE t0 timestamptz := clock_timestamp();
	BEGIN EXECUTE q; RETURN extract(epoch FROM clock_timestamp() - t0); END \$\$;"

# --- analyze: time, and memory --------------------------------------------------
# Peak private memory of a fresh backend: growth of VmHWM (peak resident set)
# less the shared buffers the scan touched (RssShmem), read from /proc (needs
# a superuser on the server's machine); and the counts' own memory as the
# function reports it (DEBUG1).
STATUS="pg_read_file('/proc/' || pg_backend_pid() || '/status')"
MEM="(SELECT (substring($STATUS FROM 'VmHWM:\\s+(\\d+) kB')::bigint - substring($STATUS FROM 'RssShmem:\\s+(\\d+) kB')::bigint) * 1024)"
q -At <<SQL 2>&1 | sed -n 's/^DEBUG:  //p; /^peak/p'
$SETTINGS
SELECT ar_normalize('x') \\gset warm_
SELECT $MEM AS before \\gset
SET client_min_messages = debug1;
SELECT ar_bm25_analyze('ant', 'tsv') \\gset
RESET client_min_messages;
SELECT format('peak private memory of the backend: +%s MB while reading %s MB of tsvectors',
	round(($MEM - :before) / 1e6, 1), (SELECT round(sum(pg_column_size(tsv)) / 1e6) FROM ant));
SQL
{
	echo "$SETTINGS"
	echo "$TIMED"
	echo "CREATE TEMP TABLE t (name text, ord int, secs float8);"
	for r in $(seq "$ROUNDS"); do
		echo "INSERT INTO t SELECT 'ar_bm25_analyze', 1, pg_temp.timed(\$q\$SELECT ar_bm25_analyze('ant', 'tsv')\$q\$);"
		echo "INSERT INTO t SELECT 'ts_stat (ref.)', 2, pg_temp.timed(\$q\$SELECT count(*) FROM ts_stat('SELECT tsv FROM ant')\$q\$);"
	done
	cat <<'SQL'
SELECT format('%-16s %8s s  (%s documents/s)', name, to_char(s, 'FM990.000'),
	to_char((SELECT count(*) FROM ant) / s, 'FM9999990'))
FROM (SELECT name, min(ord) AS ord, percentile_cont(0.5) WITHIN GROUP (ORDER BY secs) AS s
	  FROM t GROUP BY name) m ORDER BY ord;
SQL
} >"${TMPDIR:-/tmp}/bm25_analyze_$$.sql"
q -At -f "${TMPDIR:-/tmp}/bm25_analyze_$$.sql"
rm -f "${TMPDIR:-/tmp}/bm25_analyze_$$.sql"

# --- ranking 10,000 matching documents -----------------------------------------
# The query: the OR of five mid-frequency Arabic lexemes (ranks 51-55 by
# document frequency), like a question; the first 10,000 documents it matches
# form the table ranked, with the statistics of the whole column.  Each
# sample runs the query 20 times; samples of the three variants interleave.
# Besides wall time, the backend's CPU time (utime + stime from /proc, 10 ms
# ticks): other work on the machine stretches the first, hardly the second.
{
	echo "$SETTINGS"
	cat <<'SQL'
CREATE FUNCTION pg_temp.cpu() RETURNS float8 LANGUAGE sql AS $$
	SELECT (f[14]::bigint + f[15]::bigint) / 100.0
	FROM string_to_array(pg_read_file('/proc/' || pg_backend_pid() || '/stat'), ' ') f $$;
CREATE FUNCTION pg_temp.cost(q text, n int, OUT wall float8, OUT cpu float8) LANGUAGE plpgsql AS $$
	DECLARE t0 timestamptz := clock_timestamp(); c0 float8 := pg_temp.cpu();
	BEGIN
		FOR i IN 1..n LOOP EXECUTE q; END LOOP;
		wall := extract(epoch FROM clock_timestamp() - t0) / n;
		cpu := (pg_temp.cpu() - c0) / n;
	END $$;
CREATE TEMP TABLE qt AS
	SELECT string_agg(quote_literal(lexeme), ' | ')::tsquery AS q
	FROM (SELECT lexeme FROM ar_bm25_lexemes WHERE relid = 'ant'::regclass
		  AND lexeme ~ '^[ء-ي]+$' ORDER BY df DESC, lexeme OFFSET 50 LIMIT 5) l;
CREATE TABLE ant10k AS SELECT a.* FROM ant a, qt WHERE a.tsv @@ qt.q ORDER BY a.id LIMIT 10000;
VACUUM ANALYZE ant10k;
SELECT format('ranking: query %s, %s matching documents', q, (SELECT count(*) FROM ant10k)) FROM qt;
CREATE TEMP TABLE t (name text, ord int, wall float8, cpu float8);
SQL
	for r in $(seq $((ROUNDS * 3))); do
		for e in "floor|1|id" "ts_rank|2|ts_rank(tsv, q)" "ar_bm25_rank|3|ar_bm25_rank('ant', 'tsv', tsv, q)"; do
			IFS='|' read -r name ord expr <<<"$e"
			echo "INSERT INTO t SELECT '$name', $ord, c.* FROM qt, pg_temp.cost(format(\$q\$SELECT id FROM ant10k, (SELECT %L::tsquery AS q) x WHERE tsv @@ q ORDER BY $expr DESC LIMIT 10\$q\$, q), 20) c;"
		done
	done
	cat <<'SQL'
WITH m AS (SELECT name, min(ord) AS ord,
			percentile_cont(0.5) WITHIN GROUP (ORDER BY wall) AS w,
			percentile_cont(0.5) WITHIN GROUP (ORDER BY cpu) AS c
		   FROM t GROUP BY name),
r AS (SELECT max(w) FILTER (WHERE name = 'ts_rank') AS tw, max(c) FILTER (WHERE name = 'ts_rank') AS tc FROM m)
SELECT format('%-14s %9s %9s %9s %9s', '', 'wall ms', 'x ts_rank', 'CPU ms', 'x ts_rank')
UNION ALL
(SELECT format('%-14s %9s %9s %9s %9s  %s', name, to_char(w * 1000, 'FM99990.00'), to_char(w / r.tw, 'FM990.00'),
	to_char(c * 1000, 'FM99990.00'), to_char(c / nullif(r.tc, 0), 'FM990.00'),
	CASE name WHEN 'floor' THEN '(no ranking: scan, match, sort by id)'
		WHEN 'ar_bm25_rank' THEN '(target <= 1.5)' ELSE '' END)
FROM m, r ORDER BY ord);
SQL
} >"${TMPDIR:-/tmp}/bm25_rank_$$.sql"
q -At -f "${TMPDIR:-/tmp}/bm25_rank_$$.sql"
rm -f "${TMPDIR:-/tmp}/bm25_rank_$$.sql"
