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
