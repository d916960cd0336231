--
-- Same rows with a GIN index, with a sequential scan, and with parallel workers.
--
SET client_min_messages = warning;

CREATE TABLE articles (id int PRIMARY KEY, body text,
	tsv tsvector GENERATED ALWAYS AS (to_tsvector('ar', body)) STORED);
INSERT INTO articles (id, body)
SELECT g, CASE g % 5
		WHEN 0 THEN 'أعلنت الشرطة تفكيك شبكة للابتزاز الإلكتروني رقم ' || g
		WHEN 1 THEN 'ناقش البرلمان قانون مكافحة الفساد في جلسته رقم ' || g
		WHEN 2 THEN 'الـمـسـتـشـفـى استقبل المصابين، والأطباء يعملون رقم ' || g
		WHEN 3 THEN 'وزير الداخلية يزور بيروت لبحث التعاون الأمني رقم ' || g
		ELSE 'تقرير منظمة UNICEF عن حماية الأطفال من الإستغلال رقم ' || g END
FROM generate_series(1, 5000) g;
CREATE INDEX articles_tsv ON articles USING gin (tsv);
ANALYZE articles;

CREATE TEMP TABLE q (query text);
INSERT INTO q VALUES ('ابتزاز'), ('والفساد'), ('مستشفيات'), ('بيروت'), ('unicef'),
	('"مكافحة الفساد"'), ('الشرطة -الفساد'), ('وزير or مستشفى');

-- results under each plan, fingerprinted
CREATE TEMP TABLE res (plan text, query text, n bigint, ids_md5 text);
SET enable_seqscan = off; SET enable_bitmapscan = on;
INSERT INTO res SELECT 'index', query, count(a.id), md5(string_agg(a.id::text, ',' ORDER BY a.id))
	FROM q LEFT JOIN articles a ON a.tsv @@ websearch_to_tsquery('ar', q.query) GROUP BY query;
EXPLAIN (COSTS OFF) SELECT count(*) FROM articles WHERE tsv @@ websearch_to_tsquery('ar', 'ابتزاز');
RESET enable_seqscan; SET enable_bitmapscan = off; SET enable_indexscan = off;
INSERT INTO res SELECT 'seqscan', query, count(a.id), md5(string_agg(a.id::text, ',' ORDER BY a.id))
	FROM q LEFT JOIN articles a ON to_tsvector('ar', a.body) @@ websearch_to_tsquery('ar', q.query) GROUP BY query;
-- parallel workers evaluate the functions too (debug_parallel_query's name in PG 16+)
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT set_config(CASE WHEN current_setting('server_version_num')::int >= 160000
	THEN 'debug_parallel_query' ELSE 'force_parallel_mode' END, 'on', false);
EXPLAIN (COSTS OFF) SELECT count(*) FROM articles WHERE to_tsvector('ar', body) @@ websearch_to_tsquery('ar', 'ابتزاز');
INSERT INTO res SELECT 'parallel', query, count(a.id), md5(string_agg(a.id::text, ',' ORDER BY a.id))
	FROM q LEFT JOIN articles a ON to_tsvector('ar', a.body) @@ websearch_to_tsquery('ar', q.query) GROUP BY query;
RESET ALL;

SELECT query, n FROM res WHERE plan = 'index' ORDER BY query;
-- no query may differ between plans
SELECT query, count(DISTINCT (n, ids_md5)) AS distinct_answers
FROM res GROUP BY query HAVING count(DISTINCT (n, ids_md5)) <> 1 OR count(*) <> 3;

-- the generated column equals a fresh computation
SELECT count(*) FROM articles WHERE tsv <> to_tsvector('ar', body);
DROP TABLE articles;
