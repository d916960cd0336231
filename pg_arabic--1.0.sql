/* pg_arabic--1.0.sql */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION pg_arabic" to load this file. \quit

-- The core works on UTF-8; WIN1256 and ISO_8859_6 are converted at the
-- boundary.  Any other database encoding would produce garbage: refuse it.
DO $$
BEGIN
	IF current_setting('server_encoding') NOT IN ('UTF8', 'WIN1256', 'ISO_8859_6') THEN
		RAISE EXCEPTION 'pg_arabic does not support database encoding "%"',
			current_setting('server_encoding')
			USING ERRCODE = 'feature_not_supported',
				  HINT = 'Create the database with ENCODING ''UTF8'' (CREATE DATABASE ... ENCODING ''UTF8'' TEMPLATE template0).';
	END IF;
END
$$;

------------------------------------------------------------------------
-- Normalization
------------------------------------------------------------------------

CREATE FUNCTION @extschema@.ar_normalize(input text)
RETURNS text
AS 'MODULE_PATHNAME', 'ar_normalize_default'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.ar_normalize(text) IS
'Arabic normalization with the "search" profile (all folding rules)';

CREATE FUNCTION @extschema@.ar_normalize(input text, rules text)
RETURNS text
AS 'MODULE_PATHNAME', 'ar_normalize_rules'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.ar_normalize(text, text) IS
'Arabic normalization by a profile (search, display) or a comma list of rules';

------------------------------------------------------------------------
-- Full-text search: parser, dictionary template, dictionaries, configurations
------------------------------------------------------------------------

CREATE FUNCTION @extschema@.ar_parser_start(internal, int4)
RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ar_parser_gettoken(internal, internal, internal)
RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ar_parser_end(internal)
RETURNS void AS 'MODULE_PATHNAME' LANGUAGE C STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ar_parser_lextype(internal)
RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C STRICT PARALLEL SAFE;

-- Word and blank share their token ids with the default parser, so the
-- default headline function highlights our tokens correctly.
CREATE TEXT SEARCH PARSER @extschema@.ar_parser (
	START = @extschema@.ar_parser_start,
	GETTOKEN = @extschema@.ar_parser_gettoken,
	END = @extschema@.ar_parser_end,
	LEXTYPES = @extschema@.ar_parser_lextype,
	HEADLINE = pg_catalog.prsd_headline
);
COMMENT ON TEXT SEARCH PARSER @extschema@.ar_parser IS
'Arabic-aware parser: classifies characters by code point, identically in every locale';

CREATE FUNCTION @extschema@.ar_stem_init(internal)
RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ar_stem_lexize(internal, internal, internal, internal)
RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C STRICT PARALLEL SAFE;

CREATE TEXT SEARCH TEMPLATE @extschema@.ar_stem (
	INIT = @extschema@.ar_stem_init,
	LEXIZE = @extschema@.ar_stem_lexize
);
COMMENT ON TEXT SEARCH TEMPLATE @extschema@.ar_stem IS
'Arabic normalizing stemmer; options StopWords, Mode (light, root, none), Normalize';

CREATE TEXT SEARCH DICTIONARY @extschema@.ar_stem (
	TEMPLATE = @extschema@.ar_stem, StopWords = pg_arabic, Mode = light
);
COMMENT ON TEXT SEARCH DICTIONARY @extschema@.ar_stem IS
'Arabic light stemmer with the pg_arabic stopword list';

CREATE TEXT SEARCH DICTIONARY @extschema@.ar_root (
	TEMPLATE = @extschema@.ar_stem, StopWords = pg_arabic, Mode = root
);
COMMENT ON TEXT SEARCH DICTIONARY @extschema@.ar_root IS
'Arabic root extractor with the pg_arabic stopword list, for broad recall';

CREATE TEXT SEARCH CONFIGURATION @extschema@.ar (PARSER = @extschema@.ar_parser);
COMMENT ON TEXT SEARCH CONFIGURATION @extschema@.ar IS
'Arabic: normalized light stems; other words, numbers and tags normalized and lowercased';
ALTER TEXT SEARCH CONFIGURATION @extschema@.ar
	ADD MAPPING FOR arabic, word, numword, number, hashtag, mention WITH @extschema@.ar_stem;
ALTER TEXT SEARCH CONFIGURATION @extschema@.ar
	ADD MAPPING FOR url, email WITH pg_catalog.simple;

CREATE TEXT SEARCH CONFIGURATION @extschema@.ar_root (PARSER = @extschema@.ar_parser);
COMMENT ON TEXT SEARCH CONFIGURATION @extschema@.ar_root IS
'Arabic: roots, for broad-recall search';
ALTER TEXT SEARCH CONFIGURATION @extschema@.ar_root
	ADD MAPPING FOR arabic WITH @extschema@.ar_root;
ALTER TEXT SEARCH CONFIGURATION @extschema@.ar_root
	ADD MAPPING FOR word, numword, number, hashtag, mention WITH @extschema@.ar_stem;
ALTER TEXT SEARCH CONFIGURATION @extschema@.ar_root
	ADD MAPPING FOR url, email WITH pg_catalog.simple;

CREATE FUNCTION @extschema@.ar_stem(word text)
RETURNS text
AS 'MODULE_PATHNAME', 'ar_stem_word'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ar_stem(text) IS
'Light stem of one Arabic word (normalized first)';

CREATE FUNCTION @extschema@.ar_root(word text)
RETURNS text
AS 'MODULE_PATHNAME', 'ar_root_word'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ar_root(text) IS
'Root (usually three consonants) of one Arabic word, for broad-recall search';
