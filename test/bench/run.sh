#!/bin/bash
# test/bench/run.sh: everything `make bench` does: core throughput without a
# server, then in-database ratios, GIN build, scaling and peak memory, in one run.
#
# Uses the server in PGHOST/PGPORT/PGUSER when PGHOST is set (installing
# pg_arabic there only when it is not available), else a throwaway cluster.
# Knobs: BENCH_MB (corpus size, default 20), BENCH_ROUNDS (default 3),
# BENCH_SCALE_MB (work per size in the scaling test, default 10),
# BENCH_BIG_MB (document of the memory test, default 100), BENCH_DATA (extra
# text, default ../shared/eval/data when it exists).
# Machines are noisy: quote the ratios, not the seconds.
source "$(dirname "$0")/../../scripts/common.sh"

BENCH_MB=${BENCH_MB:-20}
ROUNDS=${BENCH_ROUNDS:-3}
SCALE_MB=${BENCH_SCALE_MB:-10}
BIG_MB=${BENCH_BIG_MB:-100}

ensure_deps
cd "$TOP"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/pg_arabic_bench.XXXXXX")
scratch_work "$WORK"

CORPUS=$WORK/corpus.txt
python3 test/bench/gen_corpus.py --mb "$BENCH_MB" ${BENCH_DATA:+--data "$BENCH_DATA"} "$CORPUS"

say "core (no server)"
make -s --no-print-directory PG_CONFIG="$PG_CONFIG" test/bench/core_bench
./test/bench/core_bench "$CORPUS" 5 data/gazetteer.tsv

scratch_database pg_arabic_bench 55000 900
q() { "${PSQL[@]}" -d "$DB" "$@"; }

q -c "CREATE EXTENSION pg_arabic" \
	-c "CREATE TABLE bench_docs (id serial PRIMARY KEY, body text NOT NULL)"
q -c "\\copy bench_docs (body) FROM '$CORPUS'"
q -c "VACUUM ANALYZE bench_docs"
HAS_ENT=$(q -At -c "SELECT to_regprocedure('ar_entities(text)') IS NOT NULL")
q -At -c "SELECT format('server: PostgreSQL %s; corpus %s MB in %s documents; %s rounds, medians, one backend, no parallel workers',
	current_setting('server_version'), round(sum(octet_length(body)) / 1e6, 1), count(*), $ROUNDS) FROM bench_docs"

# Settings of every measuring session: one core, no JIT (its compile time is noise).
SETTINGS="SET max_parallel_workers_per_gather = 0; SET max_parallel_maintenance_workers = 0; SET jit = off;"
# Seconds taken by a statement, measured in the server (no client round trips).
TIMED="CREATE FUNCTION pg_temp.timed(q text, VARIADIC args text[] DEFAULT '{}') RETURNS float8
	LANGUAGE plpgsql AS \$\$
	DECLARE t0 timestamptz := clock_timestamp();
	BEGIN EXECUTE q USING args; RETURN extract(epoch FROM clock_timestamp() - t0); END \$\$;"

# --- c. ratios over the bench table, interleaved rounds -----------------------
say "in-database throughput"
EXPRS=(
	"length|length(body)"
	"simple|to_tsvector('simple', body)"
	"arabic|to_tsvector('arabic', body)"
	"ar_normalize|ar_normalize(body)"
	"ar|to_tsvector('ar', body)"
)
[ "$HAS_ENT" = t ] && EXPRS+=("ar_entities|(SELECT count(*) FROM ar_entities(body))")
{
	echo "$SETTINGS SET maintenance_work_mem = '256MB';"
	echo "$TIMED"
	echo "CREATE TEMP TABLE t (name text, ord int, secs float8);"
	for r in $(seq "$ROUNDS"); do
		i=0
		for e in "${EXPRS[@]}"; do
			i=$((i + 1))
			echo "INSERT INTO t SELECT \$n\$${e%%|*}\$n\$, $i, pg_temp.timed(\$q\$SELECT count(${e#*|}) FROM bench_docs\$q\$);"
		done
		for cfg in arabic ar; do
			echo "INSERT INTO t SELECT 'gin $cfg', 100, pg_temp.timed(\$q\$CREATE INDEX bench_gin ON bench_docs USING gin (to_tsvector('$cfg', body))\$q\$);"
			echo "DROP INDEX bench_gin;"
		done
	done
	cat <<'SQL'
WITH m AS (
	SELECT name, min(ord) AS ord, percentile_cont(0.5) WITHIN GROUP (ORDER BY secs) AS s
	FROM t GROUP BY name),
mb AS (SELECT sum(octet_length(body)) / 1e6 AS mb FROM bench_docs),
b AS (SELECT max(s) FILTER (WHERE name = 'length') AS l,
		max(s) FILTER (WHERE name = 'simple') AS si,
		max(s) FILTER (WHERE name = 'arabic') AS ar,
		max(s) FILTER (WHERE name = 'gin arabic') AS gin FROM m)
SELECT format('%-14s %8s %9s %10s %10s %10s', 'expression', 'median s', 'MB/s', 'x length', 'x simple', 'x arabic')
UNION ALL
(SELECT format('%-14s %8s %9s %10s %10s %10s', m.name, to_char(m.s, 'FM990.000'),
	to_char(mb.mb / m.s, 'FM99990.0'),
	CASE WHEN m.ord < 100 THEN to_char(m.s / b.l, 'FM99990.00') ELSE '' END,
	CASE WHEN m.ord < 100 THEN to_char(m.s / b.si, 'FM990.00') ELSE '' END,
	to_char(m.s / CASE WHEN m.ord < 100 THEN b.ar ELSE b.gin END, 'FM990.00'))
 FROM m, mb, b ORDER BY m.ord, m.name);
SQL
	echo "SELECT '(gin rows: CREATE INDEX ... USING gin (to_tsvector(cfg, body)); x arabic = ar build time / arabic build time)';"
} >"$WORK/ratios.sql"
q -At -f "$WORK/ratios.sql"

# --- d. scaling: one document of growing size -----------------------------------
# Each size is processed SCALE_MB in total (many calls for small documents), so
# per-MB times are comparable.  Documents are stored uncompressed (STORAGE
# EXTERNAL) and read from the table, as a stored article would be: a value
# passed as a parameter would be folded into the plan and copied several times.
# The floor row (doc || '') is the cost of reading the document back
# (detoasting, one copy); "net" subtracts it, and flatness is judged on the net
# times.  count(f(doc)) evaluates f without length(), whose character counting
# would cost more than ar_normalize itself.
# to_tsvector('arabic') is PostgreSQL's own cost shape, for reference.
say "scaling: one document of 1 KB .. 10 MB (time per MB should be flat)"
SIZES=(1000 100000 1000000 10000000)
SFUNCS=("floor|doc || ''" "tsv arabic|to_tsvector('arabic', doc)"
	"ar_normalize|ar_normalize(doc)" "tsv ar|to_tsvector('ar', doc)")
[ "$HAS_ENT" = t ] && SFUNCS+=("ar_entities|(SELECT count(*) FROM ar_entities(doc))")
{
	echo "$SETTINGS"
	echo "$TIMED"
	# a text of at least 10 MB made of the corpus, repeated if the corpus is smaller
	echo "CREATE TEMP TABLE src AS SELECT repeat(string_agg(body, E'\n' ORDER BY id), ceil(11e6 / sum(octet_length(body)))::int) AS s FROM bench_docs;"
	echo "CREATE TEMP TABLE sd (size int, doc text); ALTER TABLE sd ALTER doc SET STORAGE EXTERNAL;"
	echo "INSERT INTO sd SELECT b, left(s, (b::numeric * char_length(s) / octet_length(s))::int) FROM src, unnest('{$(IFS=,; echo "${SIZES[*]}")}'::int[]) b;"
	echo "CREATE TEMP TABLE st (fn text, size int, bytes bigint, secs float8);"
	for r in $(seq "$ROUNDS"); do
		for f in "${SFUNCS[@]}"; do
			for sz in "${SIZES[@]}"; do
				calls=$(((SCALE_MB * 1000000 + sz - 1) / sz))
				echo "INSERT INTO st SELECT '${f%%|*}', $sz, $calls * octet_length(doc), pg_temp.timed(\$q\$SELECT count(${f#*|}) FROM sd, generate_series(1, $calls) WHERE size = $sz\$q\$) FROM sd WHERE size = $sz;"
			done
		done
	done
	cat <<'SQL'
WITH m AS (
	SELECT r.fn, r.size, r.spm, r.spm - fl.spm AS net
	FROM (SELECT fn, size, percentile_cont(0.5) WITHIN GROUP (ORDER BY secs / bytes * 1e6) AS spm
		  FROM st GROUP BY fn, size) r
	JOIN (SELECT size, percentile_cont(0.5) WITHIN GROUP (ORDER BY secs / bytes * 1e6) AS spm
		  FROM st WHERE fn = 'floor' GROUP BY size) fl USING (size)),
f AS (SELECT fn, max(spm) / min(spm) AS r,
		percentile_cont(0.5) WITHIN GROUP (ORDER BY net) AS med
	FROM m GROUP BY fn),
-- flat: each net time within 30% of the median net time, or within 0.3 ms/MB of it (noise)
v AS (SELECT f.*, (SELECT bool_and(abs(m.net - f.med) <= greatest(0.3 * f.med, 0.0003))
		FROM m WHERE m.fn = f.fn) AS flat FROM f)
SELECT format('%-14s %9s %9s %9s %9s %8s', 'ms per MB', '1 KB', '100 KB', '1 MB', '10 MB', 'max/min')
UNION ALL
(SELECT format('%-14s %9s %9s %9s %9s %8s  %s',
	VARIADIC ARRAY[v.fn]
	|| (SELECT array_agg(to_char(m.spm * 1000, 'FM99990.00') ORDER BY m.size) FROM m WHERE m.fn = v.fn)
	|| to_char(v.r, 'FM9990.00')
	|| CASE WHEN v.fn IN ('floor', 'tsv arabic') THEN '(reference)'
		WHEN v.flat THEN 'flat (net of floor, each size within 30% of the median)'
		ELSE 'NOT FLAT: net of floor ' || (SELECT string_agg(to_char(m.net * 1000, 'FM99990.00'), ' ' ORDER BY m.size) FROM m WHERE m.fn = v.fn) END)
 FROM v ORDER BY v.fn = 'floor' DESC, v.fn = 'tsv arabic' DESC, v.fn);
SQL
} >"$WORK/scaling.sql"
q -At -f "$WORK/scaling.sql"

# --- d. peak memory for one BIG_MB document ---------------------------------------
# Method: a fresh backend per function.  After a warm-up call on a 1 MB chunk
# (extension loaded, caches built) it reads its own VmHWM (peak resident set)
# from /proc/<pid>/status through pg_read_file, runs the function on
# repeat(chunk, BIG_MB) -- the input is built in the backend, so it is counted,
# as it would be when a stored document is detoasted -- and reads VmHWM again.
# The growth of the peak, divided by the input size, is the figure (< 4).
# Reading /proc needs a superuser on the server's machine; shared buffers are
# not touched by this query, so they do not inflate the peak.
say "peak memory for one ${BIG_MB} MB document (backend VmHWM growth / input size, limit 4)"
q -c "CREATE TABLE mem_chunk AS SELECT left(s, (1e6 * char_length(s) / octet_length(s))::int) AS chunk
	FROM (SELECT string_agg(body, E'\n' ORDER BY id) AS s FROM bench_docs WHERE id <= 1000) a"
MFUNCS=("ar_normalize|length(ar_normalize({}))" "tsv ar|length(to_tsvector('ar', {}))"
	"tsv arabic|length(to_tsvector('arabic', {}))")
[ "$HAS_ENT" = t ] && MFUNCS+=("ar_entities|(SELECT count(*) FROM ar_entities({}))")
HWM="(SELECT substring(pg_read_file('/proc/' || pg_backend_pid() || '/status') FROM 'VmHWM:\\s+(\\d+) kB')::bigint * 1024)"
mem_fail=0
for f in "${MFUNCS[@]}"; do
	name=${f%%|*} expr=${f#*|}
	out=$(q -At <<SQL 2>&1
$SETTINGS
SELECT ${expr//\{\}/chunk} FROM mem_chunk \\gset warm_
SELECT $HWM AS before \\gset
SELECT ${expr//\{\}/repeat(chunk, $BIG_MB)} FROM mem_chunk \\gset run_
SELECT $HWM AS after \\gset
SELECT format('%s %s %s', octet_length(chunk)::bigint * $BIG_MB, :before, :after) FROM mem_chunk;
SQL
) || { echo "FAIL: $name on ${BIG_MB} MB: $out"; mem_fail=1; continue; }
	read -r insize before after <<<"$(tail -n 1 <<<"$out")"
	awk -v n="$name" -v sz="$insize" -v b="$before" -v a="$after" 'BEGIN {
		r = (a - b) / sz
		printf "%-14s input %6.1f MB  peak RSS %7.1f -> %7.1f MB  growth %5.2f x input  %s\n",
			n, sz / 1e6, b / 1e6, a / 1e6, r, (n ~ /arabic/ ? "(reference)" : r < 4 ? "ok" : "OVER 4x")
		exit (r < 4 || n ~ /arabic/ ? 0 : 1) }' || mem_fail=1
done
[ $mem_fail -eq 0 ] || say "memory check: some function exceeded its bound or failed"
# --- e. BM25: analyze time and memory, ranking cost vs ts_rank (ANT corpus) ----
say "BM25 ranking (test/bench/bm25.sh)"
bash test/bench/bm25.sh
say "bench done"
