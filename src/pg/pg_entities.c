/*
 * pg_entities.c
 *	  ar_entities(text): the entity engine as a set-returning function.
 *
 * Rows go into a tuplestore in one run of the engine.  The engine reports
 * byte offsets in order; they become 1-based character positions with one
 * forward scan, so substr(input, start_pos, length) = entity always.
 */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/tuplestore.h"

#include "ar_entities.h"
#include "ar_utf8.h"
#include "pg_arabic.h"

PG_FUNCTION_INFO_V1(ar_entities);

typedef struct
{
	const char *s;				/* UTF-8 input */
	size_t		byte_at;		/* offsets already converted up to here */
	size_t		char_at;
	Tuplestorestate *store;
	TupleDesc	desc;
	ErrorData  *error;			/* raised while the engine ran */
} EmitState;

static text *
utf8_to_text(const char *s, size_t len)
{
	int			blen;
	char	   *b = pg_arabic_from_utf8(s, (int) len, &blen);

	return cstring_to_text_with_len(b, blen);
}

static void
put_row(EmitState *st, ar_etype type, size_t start, size_t len,
		const char *norm, size_t norm_len)
{
	Datum		values[5];
	bool		nulls[5] = {false, false, false, false, false};
	size_t		start_char,
				len_char;

	start_char = st->char_at + ar_utf8_count(st->s + st->byte_at, start - st->byte_at);
	len_char = ar_utf8_count(st->s + start, len);
	st->byte_at = start + len;
	st->char_at = start_char + len_char;

	values[0] = PointerGetDatum(utf8_to_text(st->s + start, len));
	values[1] = PointerGetDatum(cstring_to_text(ar_etype_name(type)));
	values[2] = Int32GetDatum((int32) start_char + 1);
	values[3] = Int32GetDatum((int32) len_char);
	if (norm != NULL)
		values[4] = PointerGetDatum(utf8_to_text(norm, norm_len));
	else
		nulls[4] = true;
	tuplestore_putvalues(st->store, st->desc, values, nulls);
}

/*
 * The engine's callback.  An ERROR must not jump over the engine, whose
 * malloc'd buffers would leak: it is caught here, the run is stopped, and
 * ar_entities() raises it again once the engine has freed them.  Interrupts
 * are served at each progress report; only one that raises (a cancel, a
 * timeout) stops the run, so other interrupts (parallel workers' messages,
 * client_connection_check_interval, catchup signals) never cut the result.
 */
static int
emit_row(void *arg, ar_etype type, size_t start, size_t len,
		 const char *norm, size_t norm_len)
{
	EmitState  *st = (EmitState *) arg;
	MemoryContext cxt = CurrentMemoryContext;

	if (st->error != NULL)
		return 1;
	PG_TRY();
	{
		if (type == AR_E_PROGRESS)
			CHECK_FOR_INTERRUPTS();
		else
			put_row(st, type, start, len, norm, norm_len);
	}
	PG_CATCH();
	{
		MemoryContextSwitchTo(cxt);
		st->error = CopyErrorData();
		FlushErrorState();
	}
	PG_END_TRY();
	return st->error != NULL;
}

Datum
ar_entities(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	text	   *in = PG_GETARG_TEXT_PP(0);
	EmitState	st;
	ar_gaz	   *g;
	int			ulen;
	int			rc;

	InitMaterializedSRF(fcinfo, 0);
	g = pg_arabic_gazetteer(get_func_namespace(fcinfo->flinfo->fn_oid));

	st.s = pg_arabic_to_utf8(VARDATA_ANY(in), VARSIZE_ANY_EXHDR(in), &ulen);
	st.byte_at = 0;
	st.char_at = 0;
	st.store = rsinfo->setResult;
	st.desc = rsinfo->setDesc;
	st.error = NULL;

	rc = ar_entities_run(g, st.s, (size_t) ulen, emit_row, &st);
	if (st.error != NULL)
		ReThrowError(st.error);
	if (rc < 0)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory extracting entities")));
	return (Datum) 0;
}
