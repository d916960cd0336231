--
-- BM25 ranking: ar_bm25_analyze() and ar_bm25_rank() against scores computed
-- here in plain SQL from the same tsvectors, orderings, freshness, plans,
-- bad input and privileges.
--
SET client_min_messages = warning;
SET extra_float_digits = 0;

CREATE TABLE bm25_docs (id int PRIMARY KEY, body text,
	tsv tsvector GENERATED ALWAYS AS (to_tsvector('ar', body)) STORED);
INSERT INTO bm25_docs (id, body) VALUES
	(1, 'أوقفت الشرطة شابين بتهمة الابتزاز الإلكتروني لفتيات عبر الإنترنت'),
	(2, 'الابتزاز الإلكتروني يتزايد، والابتزاز يطال الشباب، وخبراء يدعون إلى التبليغ عن الابتزاز فورا'),
	(3, 'افتتحت الوزارة مستشفى جديدا في المدينة يضم مئتي سرير وقسما للطوارئ'),
	(4, 'قالت الشرطة إن حملتها على الفساد في البلديات أسفرت عن توقيف موظفين'),
	(5, 'نظمت جمعية محلية ورشة عن حماية الأطفال من مخاطر الإنترنت والابتزاز'),
	(6, 'ارتفعت أسعار الخضر في الأسواق بسبب الجفاف وتراجع الإنتاج الفلاحي هذا الموسم بشكل كبير جدا حسب تقديرات المهنيين والتجار في عدة مدن'),
	(7, 'فاز الفريق المحلي على ضيفه بهدفين في مباراة مثيرة'),
	(8, 'البرلمان يناقش مشروع قانون لمكافحة الفساد وحماية المبلغين عن الفساد'),
	(9, 'المستشفى الجامعي يستقبل المصابين في حادث سير على الطريق السريع'),
	(10, 'الشرطة تفكك عصابة متخصصة في سرقة السيارات'),
	(11, NULL),
	(12, 'في من على إلى');
CREATE INDEX bm25_docs_tsv ON bm25_docs USING gin (tsv);

-- The statistics the test computes itself: a copy of the documents as they
-- were at the last analyze (N, average length, document frequencies), and
-- the expected BM25 of the current documents for a list of query lexemes.
CREATE TABLE bm25_seen AS SELECT id, tsv FROM bm25_docs WHERE false;
CREATE FUNCTION pg_temp.doclen(t tsvector) RETURNS float8 LANGUAGE sql AS $$
	SELECT coalesce(sum(coalesce(array_length(u.positions, 1), 1)), 0)::float8 FROM unnest(t) u $$;
CREATE FUNCTION pg_temp.expected(q text[], k1 float8 DEFAULT 1.2, b float8 DEFAULT 0.75)
RETURNS TABLE (id int, score float8) LANGUAGE sql AS $$
	WITH coll AS (SELECT count(*)::float8 AS n, avg(pg_temp.doclen(tsv)) AS avgdl
				  FROM bm25_seen WHERE tsv IS NOT NULL),
	df AS (SELECT u.lexeme, count(*)::float8 AS df FROM bm25_seen s, unnest(s.tsv) u GROUP BY u.lexeme)
	SELECT d.id, sum(ln(1 + (coll.n - coalesce(df.df, 1) + 0.5) / (coalesce(df.df, 1) + 0.5))
			   * coalesce(array_length(u.positions, 1), 1) * (k1 + 1)
			   / (coalesce(array_length(u.positions, 1), 1)
				  + k1 * (1 - b + b * pg_temp.doclen(d.tsv) / coll.avgdl)))
	FROM bm25_docs d CROSS JOIN coll, unnest(d.tsv) u LEFT JOIN df ON df.lexeme = u.lexeme
	WHERE u.lexeme = ANY (q)
	GROUP BY d.id $$;
-- the distinct lexemes of a query text, and their OR (as eval_ir.py asks)
CREATE FUNCTION pg_temp.lexemes(t text) RETURNS text[] LANGUAGE sql AS $$
	SELECT tsvector_to_array(to_tsvector('ar', t)) $$;
CREATE FUNCTION pg_temp.any_of(t text) RETURNS tsquery LANGUAGE sql AS $$
	SELECT string_agg(quote_literal(l), ' | ')::tsquery FROM unnest(pg_temp.lexemes(t)) l $$;
-- does ar_bm25_rank give the expected scores (float4 precision), in the same order?
CREATE FUNCTION pg_temp.check_scores(qtext text) RETURNS TABLE (docs bigint, all_close boolean, same_order boolean)
LANGUAGE sql AS $$
	WITH got AS (SELECT d.id, ar_bm25_rank('bm25_docs', 'tsv', d.tsv, q) AS r
				 FROM bm25_docs d, pg_temp.any_of(qtext) q WHERE d.tsv @@ q),
	want AS (SELECT * FROM pg_temp.expected(pg_temp.lexemes(qtext)))
	SELECT count(*),
		bool_and(coalesce(abs(got.r - want.score) <= 1e-5 * greatest(1, want.score), false)),
		(SELECT array_agg(id ORDER BY r DESC, id) FROM got) = (SELECT array_agg(id ORDER BY score DESC, id) FROM want)
	FROM got FULL JOIN want USING (id) $$;

-- no statistics yet: an error that says what to run
SELECT ar_bm25_rank('bm25_docs', 'tsv', tsv, 'ابتزاز') FROM bm25_docs WHERE id = 1;

-- analyze counts the documents (a NULL tsvector is none) and what it saw
SELECT ar_bm25_analyze('bm25_docs', 'tsv');
INSERT INTO bm25_seen SELECT id, tsv FROM bm25_docs;
SELECT tbl, col, ndocs, nlexemes, generation > 0 AS has_generation,
	abs(avg_length - (SELECT avg(pg_temp.doclen(tsv)) FROM bm25_seen WHERE tsv IS NOT NULL)) < 1e-9 AS avg_length_ok,
	nlexemes = (SELECT count(DISTINCT u.lexeme) FROM bm25_seen, unnest(tsv) u) AS lexemes_ok
FROM ar_bm25_statistics;
SELECT count(*) = (SELECT count(DISTINCT u.lexeme) FROM bm25_seen, unnest(tsv) u) AS one_row_per_lexeme,
	bool_and(l.df = (SELECT count(*) FROM bm25_seen s WHERE s.tsv @@ quote_literal(l.lexeme)::tsquery)) AS df_ok
FROM ar_bm25_lexemes l WHERE l.relid = 'bm25_docs'::regclass;

-- scores equal the SQL computation, in the same order
SELECT * FROM pg_temp.check_scores('الابتزاز');
SELECT * FROM pg_temp.check_scores('الشرطة الابتزاز');
SELECT * FROM pg_temp.check_scores('الشرطة or الفساد or المستشفى');
SELECT * FROM pg_temp.check_scores('مكافحة الفساد or الإنترنت or الطريق السريع');

-- the contract query: GIN filtering, the best first
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM bm25_docs, websearch_to_tsquery('ar', 'الابتزاز or الشرطة') q
WHERE tsv @@ q ORDER BY ar_bm25_rank('bm25_docs', 'tsv', tsv, q) DESC LIMIT 3;
SELECT id FROM bm25_docs, websearch_to_tsquery('ar', 'الابتزاز or الشرطة') q
WHERE tsv @@ q ORDER BY ar_bm25_rank('bm25_docs', 'tsv', tsv, q) DESC, id LIMIT 3;
RESET enable_seqscan;

-- a repeated term counts once; terms under NOT never count; a document
-- without the terms scores 0; one long document: idf and tf matter, ts_rank disagrees
SELECT ar_bm25_rank('bm25_docs', 'tsv', tsv, 'ابتزاز | ابتزاز') = ar_bm25_rank('bm25_docs', 'tsv', tsv, 'ابتزاز') AS repeated_once,
	ar_bm25_rank('bm25_docs', 'tsv', tsv, 'ابتزاز & !شرط') = ar_bm25_rank('bm25_docs', 'tsv', tsv, 'ابتزاز') AS not_ignored,
	ar_bm25_rank('bm25_docs', 'tsv', tsv, 'ابتزاز & !!شرط') > ar_bm25_rank('bm25_docs', 'tsv', tsv, 'ابتزاز') AS double_not_counts
FROM bm25_docs WHERE id = 1;
SELECT ar_bm25_rank('bm25_docs', 'tsv', tsv, 'مستشفي') AS no_term FROM bm25_docs WHERE id = 7;
-- a rare term outweighs a common one
SELECT ar_bm25_rank('bm25_docs', 'tsv', tsv, 'عصاب') > ar_bm25_rank('bm25_docs', 'tsv', tsv, 'شرط') AS rare_wins
FROM bm25_docs WHERE id = 10;

-- prefix terms sum the lexemes they start; weights restrict positions
SELECT abs(ar_bm25_rank('bm25_docs', 'tsv', tsv, 'مستشف:*') - s.score) < 1e-5 AS prefix_ok
FROM bm25_docs d, LATERAL (SELECT score FROM pg_temp.expected(ARRAY['مستشفي']) e WHERE e.id = d.id) s
WHERE d.id = 9;
-- ... and when they start more lexemes than there are documents, df = N
SELECT (SELECT count(*) FROM bm25_seen s, unnest(s.tsv) u WHERE u.lexeme LIKE 'ا%')
		> (SELECT count(*) FROM bm25_seen WHERE tsv IS NOT NULL) AS sum_exceeds_n,
	abs(ar_bm25_rank('bm25_docs', 'tsv', d.tsv, 'ا:*') - x.e) < 1e-5 AS capped_ok
FROM bm25_docs d, LATERAL (
	SELECT ln(1 + 0.5 / (c.n + 0.5)) * t.tf * 2.2 / (t.tf + 1.2 * (0.25 + 0.75 * pg_temp.doclen(d.tsv) / c.avgdl)) AS e
	FROM (SELECT count(*) AS n, avg(pg_temp.doclen(tsv)) AS avgdl FROM bm25_seen WHERE tsv IS NOT NULL) c,
		 (SELECT sum(coalesce(array_length(u.positions, 1), 1)) AS tf FROM unnest(d.tsv) u WHERE u.lexeme LIKE 'ا%') t) x
WHERE d.id = 1;
SELECT ar_bm25_rank('bm25_docs', 'tsv', setweight(tsv, 'A'), 'ابتزاز:A') = ar_bm25_rank('bm25_docs', 'tsv', tsv, 'ابتزاز') AS weight_a_counts,
	ar_bm25_rank('bm25_docs', 'tsv', setweight(tsv, 'A'), 'ابتزاز:B') AS weight_b_absent
FROM bm25_docs WHERE id = 2;

-- k1 and b: settings and optional arguments, checked against the SQL computation
SET pg_arabic.bm25_k1 = 2.0;
SET pg_arabic.bm25_b = 0.3;
SELECT bool_and(abs(ar_bm25_rank('bm25_docs', 'tsv', d.tsv, 'ابتزاز | شرط') - e.score) <= 1e-5 * greatest(1, e.score)) AS guc_ok
FROM bm25_docs d JOIN pg_temp.expected(ARRAY['ابتزاز', 'شرط'], 2.0, 0.3) e USING (id);
RESET pg_arabic.bm25_k1;
RESET pg_arabic.bm25_b;
SELECT bool_and(abs(ar_bm25_rank('bm25_docs', 'tsv', d.tsv, 'ابتزاز | شرط', 0.5, 1.0) - e.score) <= 1e-5 * greatest(1, e.score)) AS args_ok
FROM bm25_docs d JOIN pg_temp.expected(ARRAY['ابتزاز', 'شرط'], 0.5, 1.0) e USING (id);
-- b = 0: the length no longer matters
SELECT ar_bm25_rank('bm25_docs', 'tsv', 'ابتزاز:1'::tsvector, 'ابتزاز', 1.2, 0)
	= ar_bm25_rank('bm25_docs', 'tsv', 'ابتزاز:1 a:2 b:3 c:4 d:5'::tsvector, 'ابتزاز', 1.2, 0) AS b0_ignores_length;
SET pg_arabic.bm25_b = 1.5;
SELECT ar_bm25_rank('bm25_docs', 'tsv', tsv, 'ابتزاز', -1, 0.75) FROM bm25_docs WHERE id = 1;
SELECT ar_bm25_rank('bm25_docs', 'tsv', tsv, 'ابتزاز', 1.2, 'NaN') FROM bm25_docs WHERE id = 1;

-- prepared statements, generic plans (what BI tools send)
SET plan_cache_mode = force_generic_plan;
PREPARE search(text) AS
	SELECT id FROM bm25_docs, websearch_to_tsquery('ar', $1) q
	WHERE tsv @@ q ORDER BY ar_bm25_rank('bm25_docs', 'tsv', tsv, q) DESC, id LIMIT 3;
EXECUTE search('الابتزاز or الشرطة');
EXECUTE search('الفساد');
EXECUTE search('المستشفى');
DEALLOCATE search;
RESET plan_cache_mode;

-- the statistics are read once per query, not per row: index probes of the
-- lexeme table while ranking 300 documents = the query's two terms
CREATE TABLE bm25_many AS SELECT g AS id, to_tsvector('ar', 'الشرطة تحقق في قضية ابتزاز رقم ' || g) AS tsv
	FROM generate_series(1, 300) g;
SELECT ar_bm25_analyze('bm25_many', 'tsv');
SELECT pg_stat_force_next_flush();
CREATE TEMP TABLE probes AS SELECT idx_scan FROM pg_stat_all_indexes
	WHERE indexrelid = 'ar_bm25_lexemes_pkey'::regclass;
SELECT count(ar_bm25_rank('bm25_many', 'tsv', tsv, 'شرط | ابتزاز')) FROM bm25_many;
SELECT pg_stat_force_next_flush();
SELECT s.idx_scan - p.idx_scan AS lexeme_probes FROM pg_stat_all_indexes s, probes p
	WHERE s.indexrelid = 'ar_bm25_lexemes_pkey'::regclass;

-- parallel workers read the statistics too and give the same scores
CREATE TEMP TABLE serial_scores AS
	SELECT id, ar_bm25_rank('bm25_many', 'tsv', tsv, 'شرط | قضي | 17') AS r FROM bm25_many;
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT set_config(CASE WHEN current_setting('server_version_num')::int >= 160000
	THEN 'debug_parallel_query' ELSE 'force_parallel_mode' END, 'on', false);
EXPLAIN (COSTS OFF) SELECT id, ar_bm25_rank('bm25_many', 'tsv', tsv, 'شرط | قضي | 17') FROM bm25_many;
SELECT count(*) AS differ FROM serial_scores s
	JOIN (SELECT id, ar_bm25_rank('bm25_many', 'tsv', tsv, 'شرط | قضي | 17') AS r FROM bm25_many) p USING (id)
	WHERE s.r IS DISTINCT FROM p.r;
RESET ALL;
SET client_min_messages = warning;
SET extra_float_digits = 0;

-- freshness: a document added after the analyze is ranked with the old
-- statistics, its unknown lexemes counted as in one document
INSERT INTO bm25_docs (id, body) VALUES (13, 'الشرطة تحذر من الاحتيال الهاتفي والابتزاز');
SELECT * FROM pg_temp.check_scores('الاحتيال الهاتفي or الابتزاز');
-- a new analyze is seen at once, also by an expression evaluated earlier in
-- the same transaction (a PL/pgSQL simple expression keeps its fn_extra)
CREATE FUNCTION pg_temp.rank_fraud(doc tsvector) RETURNS float4 LANGUAGE plpgsql AS $$
	BEGIN
		RETURN ar_bm25_rank('bm25_docs', 'tsv', doc, 'احتيال');
	END $$;
CREATE TEMP TABLE before_after (step int, r float4, want float8);
BEGIN;
INSERT INTO before_after SELECT 1, pg_temp.rank_fraud(tsv), e.score
	FROM bm25_docs JOIN pg_temp.expected(ARRAY['احتيال']) e USING (id) WHERE id = 13;
SELECT ar_bm25_analyze('bm25_docs', 'tsv');
TRUNCATE bm25_seen;
INSERT INTO bm25_seen SELECT id, tsv FROM bm25_docs;
INSERT INTO before_after SELECT 2, pg_temp.rank_fraud(tsv), e.score
	FROM bm25_docs JOIN pg_temp.expected(ARRAY['احتيال']) e USING (id) WHERE id = 13;
COMMIT;
SELECT step, abs(r - want) < 1e-5 AS as_expected FROM before_after ORDER BY step;
SELECT count(DISTINCT r) AS distinct_scores FROM before_after;
SELECT ndocs, generation FROM ar_bm25_statistics WHERE tbl = 'bm25_docs'::regclass;

-- NULL documents and queries, a query of only stopwords
SELECT ar_bm25_rank('bm25_docs', 'tsv', NULL, 'ابتزاز') AS null_doc,
	ar_bm25_rank('bm25_docs', 'tsv', tsv, NULL) AS null_query,
	ar_bm25_rank('bm25_docs', 'tsv', tsv, websearch_to_tsquery('ar', 'في من على')) AS stopwords_only,
	ar_bm25_rank('bm25_docs', 'tsv', ''::tsvector, 'ابتزاز') AS empty_doc
FROM bm25_docs WHERE id = 1;
SELECT count(*) AS stopword_query_matches FROM bm25_docs, websearch_to_tsquery('ar', 'في من على') q
	WHERE tsv @@ q;
SELECT ar_bm25_analyze(NULL, 'tsv') AS null_table;

-- any text search configuration: the statistics are whatever lexemes the column holds
ALTER TABLE bm25_docs ADD COLUMN tsv_simple tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED;
SELECT ar_bm25_analyze('bm25_docs', 'tsv_simple');
SELECT id, round(ar_bm25_rank('bm25_docs', 'tsv_simple', tsv_simple, q)::numeric, 4) AS simple_rank
FROM bm25_docs, plainto_tsquery('simple', 'الابتزاز') q WHERE tsv_simple @@ q ORDER BY 2 DESC, id;

-- views and materialized views have statistics of their own
CREATE VIEW bm25_recent AS SELECT id, tsv FROM bm25_docs WHERE id <= 4;
CREATE MATERIALIZED VIEW bm25_recent_m AS SELECT id, tsv FROM bm25_docs WHERE id <= 4;
SELECT ar_bm25_analyze('bm25_recent', 'tsv') AS view_docs, ar_bm25_analyze('bm25_recent_m', 'tsv') AS matview_docs;
SELECT r.id, ar_bm25_rank('bm25_recent', 'tsv', r.tsv, 'شرط') = ar_bm25_rank('bm25_recent_m', 'tsv', r.tsv, 'شرط') AS same,
	ar_bm25_rank('bm25_recent', 'tsv', r.tsv, 'شرط') <> ar_bm25_rank('bm25_docs', 'tsv', r.tsv, 'شرط') AS own_statistics
FROM bm25_recent r WHERE r.tsv @@ 'شرط' ORDER BY r.id;
DROP VIEW bm25_recent;
DROP MATERIALIZED VIEW bm25_recent_m;

-- an empty table: 0 documents, and ranking still gives finite scores
CREATE TABLE bm25_empty (tsv tsvector);
SELECT ar_bm25_analyze('bm25_empty', 'tsv');
SELECT ar_bm25_rank('bm25_empty', 'tsv', 'ابتزاز:1'::tsvector, 'ابتزاز') > 0 AS positive;
SELECT tbl, ndocs, avg_length, nlexemes FROM ar_bm25_statistics WHERE tbl = 'bm25_empty'::regclass;

-- bad input
SELECT ar_bm25_analyze('bm25_docs', 'body');
SELECT ar_bm25_rank('bm25_docs', 'body', tsv, 'ابتزاز') FROM bm25_docs WHERE id = 1;
SELECT ar_bm25_analyze('bm25_docs', 'ctid');
SELECT ar_bm25_analyze('bm25_docs', 'nope');
SELECT ar_bm25_rank('bm25_docs', 'nope', tsv, 'ابتزاز') FROM bm25_docs WHERE id = 1;
SELECT ar_bm25_analyze('no_such_table', 'tsv');
SELECT ar_bm25_analyze('bm25_docs_tsv', 'tsv');
BEGIN READ ONLY;
SELECT ar_bm25_analyze('bm25_docs', 'tsv');
ROLLBACK;
CREATE TABLE bm25_never (tsv tsvector);
SELECT ar_bm25_rank('bm25_never', 'tsv', 'ابتزاز:1', 'ابتزاز');
-- the hint names a table outside the search_path as it must be written
CREATE SCHEMA bm25_elsewhere;
CREATE TABLE bm25_elsewhere.docs (tsv tsvector);
SELECT ar_bm25_rank('bm25_elsewhere.docs', 'tsv', 'ابتزاز:1', 'ابتزاز');
DROP SCHEMA bm25_elsewhere CASCADE;

-- privileges: a role that cannot read the table cannot read its statistics
CREATE ROLE regress_bm25_reader;
SET ROLE regress_bm25_reader;
SELECT ar_bm25_rank('bm25_docs', 'tsv', 'ابتزاز:1', 'ابتزاز');
SELECT ar_bm25_analyze('bm25_docs', 'tsv');
SELECT count(*) AS visible_statistics FROM ar_bm25_statistics;
SELECT count(*) FROM ar_bm25_lexemes;
SELECT count(*) FROM ar_bm25_columns;
RESET ROLE;
-- a role change inside a transaction is seen even by an expression that
-- PL/pgSQL keeps across statements
BEGIN;
SELECT pg_temp.rank_fraud('احتيال:1') > 0 AS as_owner;
SET LOCAL ROLE regress_bm25_reader;
\set VERBOSITY terse
SELECT pg_temp.rank_fraud('احتيال:1');
\set VERBOSITY default
ROLLBACK;
-- the column alone is enough to rank, and shows its statistics
GRANT SELECT (id, tsv) ON bm25_docs TO regress_bm25_reader;
SET ROLE regress_bm25_reader;
SELECT id FROM bm25_docs, websearch_to_tsquery('ar', 'الابتزاز') q
	WHERE tsv @@ q ORDER BY ar_bm25_rank('bm25_docs', 'tsv', tsv, q) DESC, id;
SELECT tbl, col FROM ar_bm25_statistics ORDER BY col;
SELECT ar_bm25_rank('bm25_docs', 'tsv_simple', 'x:1', 'x');
-- collecting needs the owner, as ANALYZE does
SELECT ar_bm25_analyze('bm25_docs', 'tsv');
RESET ROLE;
REVOKE ALL ON bm25_docs FROM regress_bm25_reader;
DROP ROLE regress_bm25_reader;

-- statistics of dropped tables go at the next analyze
DROP TABLE bm25_empty, bm25_many;
SELECT ar_bm25_analyze('bm25_docs', 'tsv');
SELECT count(*) AS orphans FROM ar_bm25_columns c
	WHERE NOT EXISTS (SELECT 1 FROM pg_class WHERE oid = c.relid);
SELECT count(*) AS orphan_lexemes FROM ar_bm25_lexemes l
	WHERE NOT EXISTS (SELECT 1 FROM pg_class WHERE oid = l.relid);

DROP TABLE bm25_docs, bm25_seen, bm25_never;
