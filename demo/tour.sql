-- demo/tour.sql: a guided tour of what pg_arabic does on the sample corpus.
\pset footer off
\echo
\echo '== The corpus: 18 short articles in demo/articles.tsv =='
SELECT count(*) AS articles, sum(length(body)) AS characters FROM articles;

\echo
\echo '== 1. Normalization: ar_normalize(text) folds what readers consider the same =='
SELECT w AS written, ar_normalize(w) AS normalized
FROM (VALUES ('الفَسَادُ'), ('الـفـسـاد'), ('أعلن'), ('اعلن'), ('مستشفى'), ('٢٠٢٣'), ('ﻻ')) v(w);

\echo
\echo '== ... while the display profile only cleans, losing nothing a reader sees =='
SELECT w AS written, ar_normalize(w, 'display') AS display
FROM (VALUES ('الـفَسَادُ'), ('ﺍﻟﺴﻼﻡ')) v(w);

\echo
\echo '== 2. Full-text search: a generated tsvector column and a GIN index =='
ALTER TABLE articles ADD COLUMN tsv tsvector
	GENERATED ALWAYS AS (to_tsvector('ar', title || ' ' || body)) STORED;
CREATE INDEX articles_tsv ON articles USING gin (tsv);
SELECT w AS word, ar_stem(w) AS stem
FROM (VALUES ('والابتزاز'), ('بالابتزاز'), ('المبتزين'), ('المستشفيات'), ('بيروت'), ('وزير')) v(w);

\echo
\echo '== Articles about electronic extortion, any spelling or clitic, ranked, with a highlighted snippet =='
SELECT id, round(ts_rank(tsv, q)::numeric, 3) AS rank,
	   ts_headline('ar', body, q, 'MaxWords=14, MinWords=6, StartSel=[, StopSel=]') AS snippet
FROM articles, websearch_to_tsquery('ar', 'ابتزاز إلكتروني') q
WHERE tsv @@ q
ORDER BY rank DESC, id
LIMIT 5;

\echo
\echo '== BM25 ranking: words rare in the collection weigh more (statistics collected once) =='
SELECT ar_bm25_analyze('articles', 'tsv') AS documents;
SELECT id, round(ar_bm25_rank('articles', 'tsv', tsv, q)::numeric, 3) AS bm25,
	   round(ts_rank(tsv, q)::numeric, 3) AS ts_rank, left(title, 60) AS title
FROM articles, websearch_to_tsquery('ar', 'الشرطة or الابتزاز or الإلكتروني') q
WHERE tsv @@ q
ORDER BY bm25 DESC, id
LIMIT 5;

\echo
\echo '== Phrase and negation: "غسل الأموال" but not the INTERPOL story =='
SELECT id, left(title, 70) AS title
FROM articles
WHERE tsv @@ websearch_to_tsquery('ar', '"غسل الأموال" -الإنتربول')
ORDER BY id;

\echo
\echo '== The built-in arabic configuration misses the clitic forms: matches per configuration =='
SELECT 'arabic' AS config, count(*) FILTER (WHERE to_tsvector('arabic', body) @@ plainto_tsquery('arabic', 'الابتزاز')) AS articles FROM articles
UNION ALL
SELECT 'ar', count(*) FILTER (WHERE tsv @@ plainto_tsquery('ar', 'الابتزاز')) FROM articles;

\echo
\echo '== 3. Entities: who, which organization, where, when — ar_entities(text) =='
SELECT e.entity, e.type, e.start_pos, e.length, e.normalized
FROM articles a, ar_entities(a.body) e
WHERE a.id = 1
ORDER BY e.start_pos;

\echo
\echo '== Materialize them once per article, then GROUP BY like any table =='
CREATE TABLE article_entities AS
SELECT a.id AS article_id, a.published, e.*
FROM articles a, ar_entities(a.title || E'\n' || a.body) e;
SELECT type, normalized, count(DISTINCT article_id) AS articles
FROM article_entities
WHERE type IN ('person', 'organization', 'location')
GROUP BY type, normalized
ORDER BY articles DESC, normalized
LIMIT 10;

\echo
\echo '== Who appears with whom (persons and organizations in the same article) =='
SELECT x.normalized AS first, y.normalized AS second, count(DISTINCT x.article_id) AS articles
FROM article_entities x
JOIN article_entities y ON y.article_id = x.article_id AND x.normalized < y.normalized
WHERE x.type IN ('person', 'organization') AND y.type IN ('person', 'organization')
GROUP BY 1, 2
ORDER BY articles DESC, 1, 2
LIMIT 8;

\echo
\echo '== A timeline from the dates the articles mention =='
SELECT left(normalized, 7) AS month, count(*) AS mentions
FROM article_entities
WHERE type = 'date' AND normalized ~ '^[0-9]{4}-[0-9]{2}' AND normalized !~ 'H$'
GROUP BY 1 ORDER BY 1;

\echo
\echo '== A watch list: add a name to the gazetteer, and the next call finds it =='
INSERT INTO ar_gazetteer (name, type, canonical)
VALUES ('الشبكة المتوسطية لحماية الصحفيين', 'organization', 'الشبكة المتوسطية لحماية الصحفيين');
SELECT a.id, e.entity, e.type
FROM articles a, ar_entities(a.body) e
WHERE e.normalized = 'الشبكة المتوسطية لحماية الصحفيين';
DELETE FROM ar_gazetteer WHERE NOT shipped;
