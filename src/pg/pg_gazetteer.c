/*
 * pg_gazetteer.c
 *	  Per-backend compiled gazetteer: built from table ar_gazetteer on first
 *	  use, rebuilt after a committed change.
 *
 * The table's trigger sends a relcache invalidation for it; our callback marks
 * the compiled copy stale, and the next ar_entities() call rebuilds it.  So
 * every session sees committed rows on its next call, without reconnecting,
 * and nothing is re-read while the table does not change.
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"

#include "ar_entities.h"
#include "ar_gazetteer.h"
#include "pg_arabic.h"

PG_FUNCTION_INFO_V1(ar_gazetteer_changed);

static ar_gaz *gaz;				/* compiled, or NULL */
static Oid	gaz_relid = InvalidOid;
static bool gaz_valid = false;
static bool callback_registered = false;

void
pg_arabic_gazetteer_invalidate(void)
{
	gaz_valid = false;
}

/*
 * Attach the learned tagger installed with the extension.  A missing or
 * broken file is not fatal: the rules still work, and the user is told why
 * recall is lower.
 */
static void
load_model(ar_gaz *g)
{
	char		share[MAXPGPATH],
				path[MAXPGPATH],
				err[256];

	get_share_path(my_exec_path, share);
	snprintf(path, sizeof(path), "%s/extension/pg_arabic_ner_model.tsv", share);
	if (ar_gaz_load_model_msg(g, path, err, sizeof(err)) != 0)
		ereport(WARNING,
				(errcode(ERRCODE_CONFIG_FILE_ERROR),
				 errmsg("pg_arabic could not load its entity model: %s", err),
				 errdetail("File \"%s\".", path),
				 errhint("Reinstall pg_arabic, or SET pg_arabic.entity_model = off to use the rules alone.")));
}

static void
gaz_invalidate(Datum arg, Oid relid)
{
	if (relid == InvalidOid || relid == gaz_relid)
		gaz_valid = false;
}

/* Trigger on ar_gazetteer: make every backend rebuild at its next use. */
Datum
ar_gazetteer_changed(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("ar_gazetteer_changed() must be called as a trigger")));
	CacheInvalidateRelcache(trigdata->tg_relation);
	return PointerGetDatum(NULL);
}

static void
add_row(ar_gaz *g, HeapTuple tup, TupleDesc desc)
{
	bool		isnull;
	Datum		d;
	char	   *name,
			   *type,
			   *canon = NULL;
	int			nlen,
				clen = 0,
				t;

	d = SPI_getbinval(tup, desc, 1, &isnull);
	if (isnull)
		return;
	name = pg_arabic_to_utf8(TextDatumGetCString(d), (int) strlen(TextDatumGetCString(d)), &nlen);
	type = SPI_getvalue(tup, desc, 2);
	d = SPI_getbinval(tup, desc, 3, &isnull);
	if (!isnull)
	{
		char	   *c = TextDatumGetCString(d);

		canon = pg_arabic_to_utf8(c, (int) strlen(c), &clen);
	}
	t = type ? ar_etype_parse(type) : -1;
	if (t < 0)
		return;					/* the table's CHECK constraint prevents it */
	d = SPI_getbinval(tup, desc, 4, &isnull);
	/* -1 here is a name with nothing to match: skipped, never fatal */
	if (ar_gaz_add_row(g, name, (size_t) nlen, (ar_etype) t, canon, (size_t) clen,
					   isnull || !DatumGetBool(d)) == AR_GAZ_TOO_LONG)
		ereport(WARNING,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("ar_gazetteer name \"%s\" has more than %d words and is never matched",
						TextDatumGetCString(SPI_getbinval(tup, desc, 1, &isnull)),
						AR_GAZ_MAX_TOKENS),
				 errhint("Shorten the name, or add its usual short form as an alias row.")));
}

/*
 * The compiled gazetteer of table ar_gazetteer in schema nsp, built now if
 * missing or stale.
 */
ar_gaz *
pg_arabic_gazetteer(Oid nsp)
{
	Oid			relid = get_relname_relid("ar_gazetteer", nsp);
	ar_gaz	   *g;
	StringInfoData q;
	uint64		i;

	if (!OidIsValid(relid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("table ar_gazetteer of extension pg_arabic is missing"),
				 errhint("Reinstall the extension: DROP EXTENSION pg_arabic; CREATE EXTENSION pg_arabic;")));
	if (gaz != NULL && gaz_valid && relid == gaz_relid)
		return gaz;

	if (!callback_registered)
	{
		CacheRegisterRelcacheCallback(gaz_invalidate, (Datum) 0);
		callback_registered = true;
	}
	/* valid from now: an invalidation arriving while we read wins */
	gaz_relid = relid;
	gaz_valid = true;

	g = ar_gaz_new();
	if (g == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory building the gazetteer")));
	PG_TRY();
	{
		initStringInfo(&q);
		/* shipped rows first: for the same name, the row added last wins */
		appendStringInfo(&q, "SELECT name, type, canonical, shipped FROM %s.ar_gazetteer ORDER BY shipped DESC",
						 quote_identifier(get_namespace_name(nsp)));
		if (SPI_connect() != SPI_OK_CONNECT)
			elog(ERROR, "SPI_connect failed");
		if (SPI_execute(q.data, true, 0) != SPI_OK_SELECT)
			elog(ERROR, "could not read table ar_gazetteer");
		for (i = 0; i < SPI_processed; i++)
			add_row(g, SPI_tuptable->vals[i], SPI_tuptable->tupdesc);
		SPI_finish();
		if (pg_arabic_entity_model)
			load_model(g);
		if (ar_gaz_build(g) != 0)
			ereport(ERROR,
					(errcode(ERRCODE_OUT_OF_MEMORY),
					 errmsg("out of memory building the gazetteer")));
	}
	PG_CATCH();
	{
		ar_gaz_free(g);
		gaz_valid = false;
		PG_RE_THROW();
	}
	PG_END_TRY();

	ar_gaz_free(gaz);
	gaz = g;
	return gaz;
}
