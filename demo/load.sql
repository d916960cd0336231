-- demo/load.sql: (re)create the demo schema; rerunning gives the same state.
SET client_min_messages = warning;
DROP EXTENSION IF EXISTS pg_arabic CASCADE;
CREATE EXTENSION pg_arabic;
DROP TABLE IF EXISTS article_entities;
DROP TABLE IF EXISTS articles;
CREATE TABLE articles (
	id			int PRIMARY KEY,
	published	date NOT NULL,
	title		text NOT NULL,
	body		text NOT NULL
);
