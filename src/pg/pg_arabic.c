/*
 * pg_arabic.c
 *	  Module entry point and the encoding boundary shared by the glue files.
 */
#include "postgres.h"

#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "utils/guc.h"

#include "ar_normalize.h"
#include "pg_arabic.h"
#include "pg_bm25.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

bool		pg_arabic_entity_model = true;

void
_PG_init(void)
{
	DefineCustomBoolVariable("pg_arabic.entity_model",
							 "Let the learned tagger decide person, location and organization spans in ar_entities().",
							 "Off: the rules and the gazetteer alone (faster, less recall).",
							 &pg_arabic_entity_model,
							 true,
							 PGC_USERSET,
							 0,
							 NULL,
							 NULL,
							 NULL);
	pg_arabic_bm25_define_gucs();
	MarkGUCPrefixReserved("pg_arabic");

	/* tables are built once per backend, here, never per call */
	if (ar_normalize_init() != 0)
		ereport(ERROR,
				(errcode(ERRCODE_EXTERNAL_ROUTINE_EXCEPTION),
				 errmsg("pg_arabic could not load ICU normalization data"),
				 errhint("Check that the ICU library (libicu) is installed correctly.")));
}

bool
pg_arabic_db_is_utf8(void)
{
	return GetDatabaseEncoding() == PG_UTF8;
}

void
pg_arabic_check_encoding(void)
{
	int			enc = GetDatabaseEncoding();

	if (enc != PG_UTF8 && enc != PG_WIN1256 && enc != PG_ISO_8859_6)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("pg_arabic does not support database encoding \"%s\"",
						GetDatabaseEncodingName()),
				 errhint("Use a database with encoding UTF8 (or WIN1256, ISO_8859_6).")));
}

char *
pg_arabic_to_utf8(const char *s, int len, int *outlen)
{
	char	   *r;

	if (pg_arabic_db_is_utf8())
	{
		*outlen = len;
		return (char *) s;
	}
	pg_arabic_check_encoding();
	r = (char *) pg_do_encoding_conversion((unsigned char *) s, len,
										   GetDatabaseEncoding(), PG_UTF8);
	*outlen = (r == s) ? len : (int) strlen(r);
	return r;
}

char *
pg_arabic_from_utf8(const char *s, int len, int *outlen)
{
	char	   *r;

	if (pg_arabic_db_is_utf8())
	{
		*outlen = len;
		return (char *) s;
	}
	pg_arabic_check_encoding();
	r = (char *) pg_do_encoding_conversion((unsigned char *) s, len,
										   PG_UTF8, GetDatabaseEncoding());
	*outlen = (r == s) ? len : (int) strlen(r);
	return r;
}
