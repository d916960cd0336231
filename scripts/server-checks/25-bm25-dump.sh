#!/bin/bash
# scripts/server-checks/25-bm25-dump.sh: BM25 statistics are deliberately not
# dumped (README, "Relevance ranking"): after pg_dump/pg_restore the ranking
# says to run ar_bm25_analyze, and once it has run, gives the scores of the
# source database again.
# Needs PGHOST/PGPORT/PGUSER and PGBIN (from scripts/common.sh) or pg_dump on PATH.
set -euo pipefail

source "$(dirname "$0")/lib/dump_pair.sh" bm25

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
dump_restore

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
