-- demo/ant.sql: the tour again over real news, the ANT corpus (demo/ant:
-- 10,138 Tunisian news articles, 2013-2017, Apache-2.0; see its README):
-- load, search with highlights, top entities, co-occurrence, a timeline by
-- publication month and a watch list, each with its time.
-- Run from the top of the tree (the corpus is read with xz by psql).
SET client_min_messages = warning;
\pset footer off
DROP TABLE IF EXISTS ant_entity_labels, ant_entities, ant_articles, ant_raw;
CREATE TABLE ant_raw (docno text, category text, published text, title text, body text);
CREATE TABLE ant_articles (
	id			int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	docno		text NOT NULL UNIQUE,
	category	text NOT NULL,
	published	date NOT NULL,
	title		text NOT NULL,
	body		text NOT NULL,
	tsv			tsvector GENERATED ALWAYS AS (to_tsvector('ar', title || ' ' || body)) STORED
);

\echo
\echo '== Real news: the ANT corpus, loaded with its search column and index (timings after each step) =='
\timing on
\echo '-- read the articles (xz -dc | COPY):'
\copy ant_raw FROM PROGRAM 'xz -dc demo/ant/articles.tsv.xz' WITH (FORMAT text, HEADER true)
\echo '-- store them with their generated to_tsvector(''ar'', title || body) column:'
INSERT INTO ant_articles (docno, category, published, title, body)
SELECT docno, category, left(published, 10)::date, title, body FROM ant_raw;
\echo '-- build the GIN index:'
CREATE INDEX ant_articles_tsv ON ant_articles USING gin (tsv);
\timing off
DROP TABLE ant_raw;
ANALYZE ant_articles;
SELECT count(*) AS articles, pg_size_pretty(sum(octet_length(body))) AS text,
	   min(published) AS first, max(published) AS last,
	   count(DISTINCT category) AS categories
FROM ant_articles;

\echo
\echo '== Search: the municipal elections, ranked, with a highlighted snippet =='
\timing on
SELECT published, category, round(ts_rank(tsv, q)::numeric, 3) AS rank,
	   ts_headline('ar', body, q, 'MaxWords=16, MinWords=8, StartSel=[, StopSel=]') AS snippet
FROM ant_articles, websearch_to_tsquery('ar', 'الانتخابات البلدية') q
WHERE tsv @@ q
ORDER BY rank DESC, published DESC
LIMIT 5;
\timing off

\echo
\echo '== The same words in other forms, through the index: matches per query =='
\timing on
SELECT w AS query, count(*) AS articles
FROM (VALUES ('الانتخابات البلدية'), ('انتخابات بلدية'), ('والانتخابات البلديّة'), ('"وزير الصحة"'), ('إرهاب -سوريا')) v(w)
JOIN ant_articles ON tsv @@ websearch_to_tsquery('ar', w)
GROUP BY w ORDER BY articles DESC;
\timing off

\echo
\echo '== Entities of every article, materialized once (the query runs in parallel workers) =='
SET max_parallel_workers_per_gather = 2;
\timing on
\echo '-- ar_entities over every article into ant_entities:'
CREATE TABLE ant_entities AS
SELECT a.id AS article_id, a.published, e.*
FROM ant_articles a, ar_entities(a.title || E'\n' || a.body) e;
\echo '-- its indexes:'
CREATE INDEX ON ant_entities (type, normalized);
CREATE INDEX ON ant_entities (article_id);
\timing off
RESET max_parallel_workers_per_gather;
ANALYZE ant_entities;
-- normalized is the grouping key (search-folded: وزاره التربيه); show people
-- the form the articles write most often (وزارة التربية)
CREATE TABLE ant_entity_labels AS
SELECT type, normalized, mode() WITHIN GROUP (ORDER BY entity) AS label
FROM ant_entities GROUP BY type, normalized;
CREATE UNIQUE INDEX ON ant_entity_labels (type, normalized);
SELECT type, count(*) AS mentions, count(DISTINCT normalized) AS distinct_values
FROM ant_entities GROUP BY type ORDER BY mentions DESC;

\echo
\echo '== Top persons, organizations and places (articles mentioning them) =='
\timing on
SELECT t.type, l.label, t.normalized, t.articles
FROM (SELECT type, normalized, count(DISTINCT article_id) AS articles,
			 row_number() OVER (PARTITION BY type ORDER BY count(DISTINCT article_id) DESC, normalized) AS r
	  FROM ant_entities WHERE type IN ('person', 'organization', 'location')
	  GROUP BY type, normalized) t
JOIN ant_entity_labels l USING (type, normalized)
WHERE r <= 6
ORDER BY t.type, t.articles DESC, t.normalized;
\timing off

\echo
\echo '== Who appears with which organization: a person and an organization in the same article =='
\timing on
SELECT lp.label AS person, lo.label AS organization, x.articles
FROM (SELECT p.normalized AS person, o.normalized AS organization,
			 count(DISTINCT p.article_id) AS articles
	  FROM ant_entities p
	  JOIN ant_entities o ON o.article_id = p.article_id AND o.type = 'organization'
	  WHERE p.type = 'person'
	  GROUP BY 1, 2) x
JOIN ant_entity_labels lp ON lp.type = 'person' AND lp.normalized = x.person
JOIN ant_entity_labels lo ON lo.type = 'organization' AND lo.normalized = x.organization
ORDER BY x.articles DESC, x.person, x.organization
LIMIT 10;
\timing off

\echo
\echo '== A timeline by publication month: articles, and those mentioning three names =='
\timing on
SELECT to_char(date_trunc('month', a.published), 'YYYY-MM') AS month,
	   count(*) AS articles,
	   count(*) FILTER (WHERE EXISTS (SELECT FROM ant_entities e WHERE e.article_id = a.id AND e.normalized = 'يوسف الشاهد')) AS "يوسف الشاهد",
	   count(*) FILTER (WHERE EXISTS (SELECT FROM ant_entities e WHERE e.article_id = a.id AND e.normalized = 'دونالد ترامب')) AS "دونالد ترامب",
	   count(*) FILTER (WHERE EXISTS (SELECT FROM ant_entities e WHERE e.article_id = a.id AND e.normalized = 'تنظيم الدولة الإسلامية')) AS "تنظيم الدولة"
FROM ant_articles a
WHERE a.published >= '2016-01-01'
GROUP BY 1 ORDER BY 1;
\timing off

\echo
\echo '== A watch list: your own names and aliases in the gazetteer, found in every article =='
INSERT INTO ar_gazetteer (name, type, canonical) VALUES
	('الهيئة العليا المستقلة للانتخابات', 'organization', 'هيئة الانتخابات (ISIE)'),
	('هيئة الانتخابات', 'organization', 'هيئة الانتخابات (ISIE)'),
	('نداء تونس', 'organization', 'حزب نداء تونس'),
	('حركة نداء تونس', 'organization', 'حزب نداء تونس'),
	('الاتحاد العام التونسي للشغل', 'organization', 'اتحاد الشغل (UGTT)'),
	('اتحاد الشغل', 'organization', 'اتحاد الشغل (UGTT)');
\timing on
-- the search index preselects the articles, ar_entities confirms and groups aliases
SELECT e.normalized AS watched, count(DISTINCT a.id) AS articles, max(a.published) AS latest,
	   count(DISTINCT e.entity) AS spellings, (array_agg(DISTINCT e.entity))[1:2] AS "for example"
FROM ant_articles a, ar_entities(a.title || E'\n' || a.body) e
WHERE a.tsv @@ websearch_to_tsquery('ar', '"هيئة الانتخابات" or "المستقلة للانتخابات" or "نداء تونس" or "اتحاد الشغل" or "التونسي للشغل"')
  AND e.normalized IN ('هيئة الانتخابات (ISIE)', 'حزب نداء تونس', 'اتحاد الشغل (UGTT)')
GROUP BY 1 ORDER BY articles DESC;
\timing off
DELETE FROM ar_gazetteer WHERE NOT shipped;
