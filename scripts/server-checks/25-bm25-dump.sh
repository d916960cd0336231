#!/bin/bash
# scripts/server-checks/25-bm25-dump.sh: BM25 statistics are deliberately not
# dumped (README, "Relevance ranking"): after pg_dump/pg_restore the ranking
# says to run ar_bm25_analyze, and once it has run, gives the scores of the
# source database again.
# Needs PGHOST/PGPORT/PGUSER and PGBIN (from scripts/common.sh) or pg_dump on PATH.
set -euo pipefail

SRC=pg_arabic_bm25_src_$$
DST=pg_arabic_bm25_dst_$$
DUMP=$(mktemp "${TMPDIR:-/tmp}/pg_arabic_bm25.XXXXXX")
BIN=${PGBIN:+$PGBIN/}
PSQL=(psql -X -q -At -v ON_ERROR_STOP=1)
cleanup() {
	"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $SRC" -c "DROP DATABASE IF EXISTS $DST" >/dev/null 2>&1 || true
	rm -f "$DUMP"
}
trap cleanup EXIT

"${PSQL[@]}" -d postgres -c "CREATE DATABASE $SRC" -c "CREATE DATABASE $DST"
"${PSQL[@]}" -d "$SRC" >/dev/null <<'SQL'
CREATE EXTENSION pg_arabic;
CREATE TABLE articles (id int PRIMARY KEY, body text,
	tsv tsvector GENERATED ALWAYS AS (to_tsvector('ar', body)) STORED);
CREATE INDEX articles_tsv ON articles USING gin (tsv);
INSERT INTO articles (id, body) VALUES
	(1, 'أوقفت الشرطة شبكة تمارس الابتزاز عبر الإنترنت'),
	(2, 'الابتزاز الإلكتروني والابتزاز المالي في تقرير جديد'),
	(3, 'الشرطة تفتح تحقيقا في حادث سير');
SELECT ar_bm25_analyze('articles', 'tsv');
SQL
"${BIN}pg_dump" -Fc -d "$SRC" -f "$DUMP"
"${BIN}pg_restore" -d "$DST" --exit-on-error "$DUMP"

RANKED="SELECT string_agg(id || ':' || round(ar_bm25_rank('articles', 'tsv', tsv, q)::numeric, 4), ',' ORDER BY id)
	FROM articles, websearch_to_tsquery('ar', 'الابتزاز or الشرطة') q WHERE tsv @@ q"
fail=0
before=$("${PSQL[@]}" -d "$SRC" -c "$RANKED")
if out=$("${PSQL[@]}" -d "$DST" -c "$RANKED" 2>&1); then
	echo "FAIL: ranking after restore, before analyze, should ask for ar_bm25_analyze; got '$out'"
	fail=1
elif grep -q "HINT:.*ar_bm25_analyze('articles', 'tsv')" <<<"$out"; then
	echo "PASS: after restore the ranking asks for ar_bm25_analyze"
else
	echo "FAIL: unexpected error after restore: $out"
	fail=1
fi
after=$("${PSQL[@]}" -d "$DST" -c "SELECT ar_bm25_analyze('articles', 'tsv')" -c "$RANKED" | tail -n 1)
if [ "$before" = "$after" ] && [ -n "$before" ]; then
	echo "PASS: after ar_bm25_analyze, the same scores ($after)"
else
	echo "FAIL: scores before dump '$before', after restore and analyze '$after'"
	fail=1
fi
exit $fail
