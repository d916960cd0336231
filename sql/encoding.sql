--
-- Database encodings: WIN1256 and ISO_8859_6 convert at the boundary, any
-- other encoding is refused at CREATE EXTENSION.  The install script is read
-- as UTF-8 (encoding = UTF8 in the control file) and the shipped gazetteer
-- comes from a UTF-8 data file, so entities, the gazetteer and search give
-- the results of a UTF8 database for any text the encoding can hold.
--
SET client_min_messages = warning;
\set regressdb :DBNAME
DROP DATABASE IF EXISTS pg_arabic_win1256;
DROP DATABASE IF EXISTS pg_arabic_iso88596;
DROP DATABASE IF EXISTS pg_arabic_latin1;
CREATE DATABASE pg_arabic_win1256 ENCODING 'WIN1256' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;
CREATE DATABASE pg_arabic_iso88596 ENCODING 'ISO_8859_6' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;
CREATE DATABASE pg_arabic_latin1 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;

-- reference results, in this UTF8 database
\set ents_text 'قال الرئيس إن وفد الأمم المتحدة زار الرباط والجزائر يوم 15 سبتمبر 2023 مع وزارة الخارجية، ثم قال مرصد الواحة للبحوث إن 2.5 مليون دولار وصلت إلى القاهرة'
\set user_rows 'INSERT INTO ar_gazetteer (name, type, canonical) VALUES (''مرصد الواحة للبحوث'', ''organization'', ''مرصد الواحة للبحوث الاجتماعية''), (''الرباط'', ''location'', ''مدينة الرباط'')'
\set search_text 'والابتزاز في بيروت، الإنتربول ومكافحة الفساد'
SELECT string_agg(format('%s/%s/%s/%s/%s', entity, type, start_pos, length, normalized), ' | ' ORDER BY start_pos) AS ents_ref
FROM ar_entities(:'ents_text') \gset
BEGIN;
:user_rows;
SELECT string_agg(format('%s/%s/%s/%s/%s', entity, type, start_pos, length, normalized), ' | ' ORDER BY start_pos) AS ents_user_ref
FROM ar_entities(:'ents_text') \gset
ROLLBACK;
SELECT count(*) AS shipped_ref FROM ar_gazetteer_shipped() \gset
SELECT string_agg(concat_ws('|', name, type, canonical), E'\n' ORDER BY n) AS shipped_rows_ref
FROM ar_gazetteer_shipped() WITH ORDINALITY AS s(name, type, canonical, n) \gset
SELECT to_tsvector('ar', :'search_text')::text AS tsv_ref \gset
-- the user's row and a shipped canonical are there, as in a UTF8 database
SELECT position('مرصد الواحة للبحوث الاجتماعية' IN :'ents_user_ref') > 0 AS user_row,
	   position('الرباط/location' IN :'ents_ref') > 0 AS shipped_row;

\c pg_arabic_win1256
SET client_encoding = 'UTF8';
SET client_min_messages = warning;
CREATE EXTENSION pg_arabic;
SELECT ar_normalize('الفَسَادُ أعلن مستشفى'), ar_normalize('الفَسَادُ', 'display');
SELECT to_tsvector('ar', 'والابتزاز في بيروت، الإنتربول');
SELECT alias, token FROM ts_debug('ar', 'قال، «لا» OMSAC');
SELECT ts_headline('ar', 'قال الرئيسُ إنّ الابتزاز خطير', plainto_tsquery('ar', 'ابتزاز'));
SELECT ts_lexize('ar_stem', 'إلى'), ar_stem('والمستشفيات');
-- entities, shipped gazetteer, users' rows and search: as in UTF8
SELECT string_agg(format('%s/%s/%s/%s/%s', entity, type, start_pos, length, normalized), ' | ' ORDER BY start_pos)
	   = :'ents_ref' AS same_entities
FROM ar_entities(:'ents_text');
SELECT string_agg(concat_ws('|', name, type, canonical), E'\n' ORDER BY n) = :'shipped_rows_ref' AS same_shipped_rows
FROM ar_gazetteer_shipped() WITH ORDINALITY AS s(name, type, canonical, n);
:user_rows;
SELECT string_agg(format('%s/%s/%s/%s/%s', entity, type, start_pos, length, normalized), ' | ' ORDER BY start_pos)
	   = :'ents_user_ref' AS same_entities_with_user_rows
FROM ar_entities(:'ents_text');
SELECT entity, normalized FROM ar_entities(:'ents_text') WHERE type = 'organization' OR entity = 'الرباط';
SELECT to_tsvector('ar', :'search_text')::text = :'tsv_ref' AS same_tsvector,
	   to_tsvector('ar', :'search_text') @@ websearch_to_tsquery('ar', 'ابتزاز الانتربول') AS found;

\c pg_arabic_iso88596
SET client_encoding = 'UTF8';
SET client_min_messages = warning;
CREATE EXTENSION pg_arabic;
SELECT ar_normalize('أعلن مستشفى'), to_tsvector('ar', 'والابتزاز في بيروت');
SELECT string_agg(format('%s/%s/%s/%s/%s', entity, type, start_pos, length, normalized), ' | ' ORDER BY start_pos)
	   = :'ents_ref' AS same_entities
FROM ar_entities(:'ents_text');
-- shipped names this encoding cannot hold (پ) are left out, the others are there
SELECT count(*) > 3000 AND count(*) <= :shipped_ref AS shipped_rows,
	   count(*) FILTER (WHERE name = 'الرباط' AND type = 'location') AS rabat
FROM ar_gazetteer_shipped();
:user_rows;
SELECT string_agg(format('%s/%s/%s/%s/%s', entity, type, start_pos, length, normalized), ' | ' ORDER BY start_pos)
	   = :'ents_user_ref' AS same_entities_with_user_rows
FROM ar_entities(:'ents_text');
SELECT to_tsvector('ar', :'search_text')::text = :'tsv_ref' AS same_tsvector,
	   to_tsvector('ar', :'search_text') @@ websearch_to_tsquery('ar', 'ابتزاز الانتربول') AS found;

\c pg_arabic_latin1
SET client_encoding = 'UTF8';
CREATE EXTENSION pg_arabic;

\c :regressdb
SET client_min_messages = warning;
DROP DATABASE pg_arabic_win1256;
DROP DATABASE pg_arabic_iso88596;
DROP DATABASE pg_arabic_latin1;
