#!/bin/bash
# scripts/server-checks/70-citus.sh: pg_arabic scaled out with Citus.  Skips
# (exit 0, with a message) when Citus is not installed; `make citus-check`
# builds it from ../shared/citus and runs this check alone.
#
# Starts a coordinator and 2 workers on this machine (three throwaway
# clusters with shared_preload_libraries = citus, on 127.0.0.1 ports of their
# own, sockets under a temporary directory), pg_arabic on every node, and
# loads the ANT articles (demo/ant) twice on the coordinator: into a
# distributed table `articles` (generated to_tsvector('ar', ...) column, GIN
# index, sharded by docno) and into a plain local table `articles_single`,
# which plain PostgreSQL runs as on a single node.  Then:
#  - search counts and ids, and per-type entity counts, are equal;
#  - watch list: users' gazetteer rows inserted on the coordinator reach
#    ar_entities() on the workers only after SELECT ar_gazetteer_sync()
#    (before it the distributed counts are reported); after it they equal
#    the single-node counts, and a deleted row disappears everywhere.
# Stops the nodes and removes their files on exit.
# CITUS_ARTICLES=N loads only the first N articles (default: all 10,138).
source "$(dirname "$0")/../common.sh"

[ -n "${PGBIN:-}" ] || ensure_deps
libdir=$("$PGBIN/pg_config" --pkglibdir)
if [ ! -f "$libdir/citus.so" ]; then
	echo "SKIP: Citus is not installed in $libdir (make citus-check builds it from ../shared/citus)"
	exit 0
fi
ANT=$TOP/demo/ant/articles.tsv.xz
[ -f "$ANT" ] || { echo "FAIL: $ANT is missing"; exit 1; }
command -v xz >/dev/null || apt_install xz-utils

TMP=$(mktemp -d "${TMPDIR:-/tmp}/pg_arabic_citus.XXXXXX")
chmod 755 "$TMP"
[ "$(cluster_user)" = "$(id -un)" ] || chown "$(cluster_user)" "$TMP"
NODES=(coordinator worker1 worker2)
PORTS=()
cleanup() {
	local n
	for n in "${NODES[@]}"; do
		[ ! -f "$TMP/$n/PG_VERSION" ] || as_cluster "$PGBIN/pg_ctl" -D "$TMP/$n" -m immediate -w stop >/dev/null 2>&1 || true
	done
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM	# and so through cleanup
cd "$TMP"	# where the cluster user may enter
fail=0
pass() { echo "PASS: $*"; }
failed() { echo "FAIL: $*"; fail=1; }
export PGOPTIONS="-c client_min_messages=warning"
# node N SQL...: psql on node N (0 = coordinator)
node() { local i=$1; shift; psql -X -q -At -v ON_ERROR_STOP=1 -h "$TMP" -p "${PORTS[$i]}" -U postgres -d postgres "$@"; }
now() { date +%s.%N; }
took() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }

# three free TCP ports (the workers are reached over 127.0.0.1)
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
p=$((56000 + ($$ % 300) * 3))
while [ ${#PORTS[@]} -lt 3 ]; do
	port_free "$p" && PORTS+=("$p")
	p=$((p + 1))
done

t0=$(now)
for i in 0 1 2; do
	as_cluster "$PGBIN/initdb" -D "$TMP/${NODES[$i]}" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
	as_cluster "$PGBIN/pg_ctl" -D "$TMP/${NODES[$i]}" -w -t 60 -l "$TMP/${NODES[$i]}.log" \
		-o "-p ${PORTS[$i]} -k $TMP -c listen_addresses=127.0.0.1 -c shared_preload_libraries=citus -c max_prepared_transactions=20" \
		start >/dev/null
	# the oldest release everywhere, updated below as a cluster is upgraded
	node "$i" -c "CREATE EXTENSION citus" -c "CREATE EXTENSION pg_arabic VERSION '1.0'"
done
node 0 -c "SELECT citus_set_coordinator_host('127.0.0.1', ${PORTS[0]})" \
	-c "SELECT citus_add_node('127.0.0.1', ${PORTS[1]})" -c "SELECT citus_add_node('127.0.0.1', ${PORTS[2]})" >/dev/null
echo "coordinator :${PORTS[0]}, workers :${PORTS[1]} :${PORTS[2]} ($(node 0 -c "SELECT extversion FROM pg_extension WHERE extname = 'citus'") Citus), up in $(took "$t0")"
# ALTER EXTENSION on the coordinator: Citus propagates it to the workers
node 0 -c "ALTER EXTENSION pg_arabic UPDATE"
want=$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" "$TOP/pg_arabic.control")
v=$(for i in 0 1 2; do node "$i" -c "SELECT extversion FROM pg_extension WHERE extname = 'pg_arabic'"; done | xargs)
[ "$v" = "$want $want $want" ] && pass "ALTER EXTENSION pg_arabic UPDATE on the coordinator: $want on every node" ||
	failed "pg_arabic versions on coordinator, workers after ALTER EXTENSION UPDATE on the coordinator: $v (want $want)"

node 0 >/dev/null <<'SQL'
CREATE TABLE articles (
	docno		text PRIMARY KEY,
	category	text NOT NULL,
	published	text NOT NULL,
	title		text NOT NULL,
	body		text NOT NULL,
	tsv			tsvector GENERATED ALWAYS AS (to_tsvector('ar', title || ' ' || body)) STORED
);
CREATE INDEX articles_tsv ON articles USING gin (tsv);
CREATE TABLE articles_single (LIKE articles INCLUDING ALL);
SELECT create_distributed_table('articles', 'docno');
CREATE TABLE article_entities (docno text, entity text, type text, start_pos int, length int, normalized text);
CREATE TABLE article_entities_single (LIKE article_entities);
SELECT create_distributed_table('article_entities', 'docno', colocate_with => 'articles');
SQL
load() {
	local t=$1 t0
	t0=$(now)
	{ xz -dc "$ANT" || true; } | head -n $((${CITUS_ARTICLES:-1000000} + 1)) |
		node 0 -c "COPY $t (docno, category, published, title, body) FROM STDIN WITH (FORMAT text, HEADER true)"
	echo "$(took "$t0")"
}
echo "load into articles_single (one node): $(load articles_single); into articles (distributed, $(node 0 -c "SELECT count(*) FROM pg_dist_shard WHERE logicalrelid = 'articles'::regclass") shards): $(load articles)"
node 0 -c "ANALYZE articles_single" -c "ANALYZE articles" >/dev/null

# same_answer WHAT QUERY: the query over the distributed tables and over the
# single-node ones (ARTICLES and ENTITIES stand for the table names) must
# give the same rows
distributed() { local q=${1//ARTICLES/articles}; echo "${q//ENTITIES/article_entities}"; }
single() { local q=${1//ARTICLES/articles_single}; echo "${q//ENTITIES/article_entities_single}"; }
same_answer() {
	local what=$1 q=$2 d s t0 t1 td ts
	t0=$(now); d=$(node 0 -c "$(distributed "$q")"); td=$(took "$t0")
	t1=$(now); s=$(node 0 -c "$(single "$q")"); ts=$(took "$t1")
	if [ -n "$d" ] && [ "$d" = "$s" ]; then
		pass "$what: distributed = single node ($td vs $ts): $(tr '\n' ' ' <<< "$d" | cut -c1-150)"
	else
		failed "$what: distributed ($td) '$(tr '\n' ' ' <<< "$d")' vs single node ($ts) '$(tr '\n' ' ' <<< "$s")'"
	fi
}
same_answer "articles" "SELECT count(*) FROM ARTICLES"
for w in 'الانتخابات البلدية' 'ارتفاع الأسعار' '"النجم الساحلي"' 'الإرهاب -سوريا' 'وزير الصحة'; do
	same_answer "search $w" "SELECT count(*) || ' ' || md5(coalesce(string_agg(docno, ',' ORDER BY docno), ''))
		FROM ARTICLES WHERE tsv @@ websearch_to_tsquery('ar', '$w')"
done
# entities materialized once per article, as the README's BI guide does; on
# Citus the INSERT ... SELECT runs on the workers, shard by shard
MATERIALIZE="INSERT INTO ENTITIES SELECT a.docno, e.* FROM ARTICLES a, ar_entities(a.title || E'\n' || a.body) e"
plan=$(node 0 -c "EXPLAIN (COSTS OFF) $(distributed "$MATERIALIZE")")
grep -q "Task Count" <<< "$plan" && pass "ar_entities runs on the workers ($(grep -o 'Task Count: [0-9]*' <<< "$plan" | head -1))" ||
	failed "ar_entities is not pushed down: $plan"
t1=$(now); node 0 -c "$(distributed "$MATERIALIZE")"; td=$(took "$t1")
t1=$(now); node 0 -c "$(single "$MATERIALIZE")"; ts=$(took "$t1")
echo "ar_entities over every article into a table: distributed $td, single node $ts"
same_answer "entities per type" "SELECT type || ' ' || count(*) FROM ENTITIES GROUP BY type ORDER BY type"
same_answer "top persons" "SELECT normalized || ' ' || count(DISTINCT docno) FROM ENTITIES
	WHERE type = 'person' GROUP BY normalized ORDER BY count(DISTINCT docno) DESC, normalized LIMIT 5"

# The watch list: users' rows on the coordinator, counted per canonical name
# over the articles the search index preselects
WATCH="SELECT e.normalized || ' ' || count(DISTINCT a.docno) FROM ARTICLES a, ar_entities(a.title || E'\n' || a.body) e
	WHERE a.tsv @@ websearch_to_tsquery('ar', '\"النجم الساحلي\" or \"نداء تونس\" or \"يوسف الشاهد\"')
	  AND e.normalized IN ('Etoile Sportive du Sahel', 'Nidaa Tounes', 'Youssef Chahed')
	GROUP BY e.normalized ORDER BY e.normalized"
node 0 -c "INSERT INTO ar_gazetteer (name, type, canonical) VALUES
	('النجم الساحلي', 'organization', 'Etoile Sportive du Sahel'),
	('نداء تونس', 'organization', 'Nidaa Tounes'),
	('يوسف الشاهد', 'person', 'Youssef Chahed')"
before=$(node 0 -c "$(distributed "$WATCH")" | tr '\n' ' ')
single=$(node 0 -c "$(single "$WATCH")" | tr '\n' ' ')
echo "watch list before ar_gazetteer_sync(): distributed '${before}' ($(grep -o 'Sahel\|Nidaa\|Chahed' <<< "$before" | wc -l) of 3 names found), single node '${single}'"
n=$(node 0 -c "SELECT ar_gazetteer_sync()")
[ "$n" = 2 ] && pass "ar_gazetteer_sync() updated $n workers" || failed "ar_gazetteer_sync() returned '$n', want 2"
rows=$(node 0 -c "SELECT string_agg(result, ' ' ORDER BY nodeport) FROM run_command_on_workers(
	\$\$SELECT count(*) FROM ar_gazetteer WHERE NOT shipped\$\$)")
[ "$rows" = "3 3" ] && pass "users' rows on each worker: $rows" || failed "users' rows on the workers: '$rows', want '3 3'"
# all three are in the whole corpus; a subset may hold fewer, but not none
found=$(node 0 -c "$(single "$WATCH")" | grep -c . || true)
[ "$found" = 3 ] || { [ -n "${CITUS_ARTICLES:-}" ] && [ "$found" -gt 0 ]; } ||
	failed "the single node should find the 3 watched names: '$single'"
same_answer "watch list after ar_gazetteer_sync()" "$WATCH"
node 0 -c "DELETE FROM ar_gazetteer WHERE canonical = 'Nidaa Tounes'" -c "SELECT ar_gazetteer_sync()" >/dev/null
same_answer "watch list after a deletion and ar_gazetteer_sync()" "$WATCH"
after=$(node 0 -c "$(distributed "$WATCH")" | tr '\n' ' ')
grep -q "Nidaa" <<< "$after" && failed "a deleted row is still seen on the workers: $after" || pass "the deleted row is gone on the workers too"
# the shipped gazetteer (a data file of the extension) is the same on every node
shipped=$(for i in 0 1 2; do node "$i" -c "SELECT count(*) || ' ' || md5(string_agg(concat_ws('/', name, type, canonical), '|'
	ORDER BY name, type, canonical)) FROM ar_gazetteer_shipped()"; done | sort -u)
[ "$(wc -l <<< "$shipped")" = 1 ] && pass "the same shipped gazetteer on every node ($shipped)" || failed "shipped gazetteers differ: $shipped"

for n in "${NODES[@]}"; do
	if grep -E 'PANIC|TRAP|terminated by signal' "$TMP/$n.log"; then failed "$n log shows a crash"; fi
done
echo "citus check done in $(took "$t0")"
exit $fail
