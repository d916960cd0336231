--
-- Database encodings: WIN1256 and ISO_8859_6 convert at the boundary, any
-- other encoding is refused at CREATE EXTENSION.
--
SET client_min_messages = warning;
\set regressdb :DBNAME
DROP DATABASE IF EXISTS pg_arabic_win1256;
DROP DATABASE IF EXISTS pg_arabic_iso88596;
DROP DATABASE IF EXISTS pg_arabic_latin1;
CREATE DATABASE pg_arabic_win1256 ENCODING 'WIN1256' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;
CREATE DATABASE pg_arabic_iso88596 ENCODING 'ISO_8859_6' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;
CREATE DATABASE pg_arabic_latin1 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;

\c pg_arabic_win1256
SET client_encoding = 'UTF8';
SET client_min_messages = warning;
CREATE EXTENSION pg_arabic;
SELECT ar_normalize('الفَسَادُ أعلن مستشفى'), ar_normalize('الفَسَادُ', 'display');
SELECT to_tsvector('ar', 'والابتزاز في بيروت، الإنتربول');
SELECT alias, token FROM ts_debug('ar', 'قال، «لا» OMSAC');
SELECT ts_headline('ar', 'قال الرئيسُ إنّ الابتزاز خطير', plainto_tsquery('ar', 'ابتزاز'));
SELECT ts_lexize('ar_stem', 'إلى'), ar_stem('والمستشفيات');

\c pg_arabic_iso88596
SET client_encoding = 'UTF8';
SET client_min_messages = warning;
CREATE EXTENSION pg_arabic;
SELECT ar_normalize('أعلن مستشفى'), to_tsvector('ar', 'والابتزاز في بيروت');

\c pg_arabic_latin1
SET client_encoding = 'UTF8';
CREATE EXTENSION pg_arabic;

\c :regressdb
SET client_min_messages = warning;
DROP DATABASE pg_arabic_win1256;
DROP DATABASE pg_arabic_iso88596;
DROP DATABASE pg_arabic_latin1;
