-- test/soak/setup.sql: schema of the concurrency soak (scripts/server-checks/40-soak.sh).
-- Articles come from demo/articles.tsv (loaded by the script); query terms and the
-- single-client answers are computed here, before any concurrency.
SET client_min_messages = warning;
CREATE EXTENSION pg_arabic;
CREATE TABLE articles (id int PRIMARY KEY, published date, title text, body text);
CREATE INDEX articles_ar ON articles USING gin (to_tsvector('ar', body));

-- A mismatch with the single-client answer aborts the pgbench client (an error).
CREATE FUNCTION soak_fail(what text, key int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'soak: % % differs from the single-client result', what, key;
END $$;

-- Gazetteer rows that the next call of the same session did not see.
CREATE TABLE soak_gaz_miss (name text, at timestamptz DEFAULT now());
