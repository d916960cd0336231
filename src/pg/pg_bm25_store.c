/*
 * pg_bm25_store.c
 *	  The BM25 statistics tables: ar_bm25_columns (one row per analyzed
 *	  column) and ar_bm25_lexemes (the document frequency of each lexeme).
 *
 * Both tables are closed to PUBLIC.  This file reads and writes them below
 * SQL (index scans, heap inserts and deletes) and checks no privilege: its
 * callers in pg_bm25.c first check that the user may read the column whose
 * statistics are asked for.  Working below SQL also keeps a hostile
 * search_path out of reach, costs one index probe per query term, and works
 * the same in parallel workers.
 *
 * Writers are serialized by a SHARE ROW EXCLUSIVE lock on ar_bm25_columns;
 * readers take ACCESS SHARE and read under their query's snapshot, so a query
 * never sees half of an analyze.  A writer sends a relcache invalidation of
 * ar_bm25_columns, delivered at commit: every backend then bumps its epoch,
 * and its cached statistics are re-read on their next use.
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "access/xact.h"
#include "catalog/indexing.h"
#include "catalog/pg_attribute.h"
#include "catalog/pg_collation_d.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"

#include "pg_bm25.h"

/* The columns of both tables, in the order the extension script creates them. */
enum
{
	Col_relid = 1, Col_attnum, Col_generation, Col_ndocs, Col_total_length,
	Col_nlexemes, Col_analyzed_at
};
#define COLUMNS_NATTS Col_analyzed_at
enum
{
	Lex_relid = 1, Lex_attnum, Lex_lexeme, Lex_df
};
#define LEXEMES_NATTS Lex_df

struct Bm25Writer
{
	Oid			relid;
	AttrNumber	attnum;
	Relation	columns;
	Relation	lexemes;
	CatalogIndexState lexemes_index;
	int64		generation;		/* of the rows being written */
	int64		nlexemes;
	MemoryContext tuple_cxt;	/* reset every few hundred rows */
};

static uint64 epoch = 1;
static Oid	watched_relid = InvalidOid; /* ar_bm25_columns, once opened */
static bool callback_registered = false;

static void
stats_changed(Datum arg, Oid relid)
{
	if (relid == InvalidOid || relid == watched_relid)
		epoch++;
}

uint64
bm25_store_epoch(void)
{
	return epoch;
}

/*
 * Open one of the extension's statistics tables, checking it still has the
 * shape this file reads and writes.
 */
static Relation
open_table(Oid nsp, const char *name, int natts, LOCKMODE mode)
{
	Oid			relid = get_relname_relid(name, nsp);
	Relation	rel;

	if (!OidIsValid(relid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("table %s of extension pg_arabic is missing", name),
				 errhint("Update the extension: ALTER EXTENSION pg_arabic UPDATE;")));
	rel = table_open(relid, mode);
	if (RelationGetDescr(rel)->natts != natts ||
		!OidIsValid(RelationGetPrimaryKeyIndex(rel)))
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("table %s of extension pg_arabic has been altered", name),
				 errhint("Reinstall the extension: DROP EXTENSION pg_arabic; CREATE EXTENSION pg_arabic;")));
	return rel;
}

static Relation
open_columns(Oid nsp, LOCKMODE mode)
{
	Relation	rel = open_table(nsp, "ar_bm25_columns", COLUMNS_NATTS, mode);

	if (!callback_registered)
	{
		CacheRegisterRelcacheCallback(stats_changed, (Datum) 0);
		callback_registered = true;
	}
	watched_relid = RelationGetRelid(rel);
	return rel;
}

/* Keys on (relid, attnum), the leading columns of both primary keys. */
static void
key_column(ScanKey keys, Oid relid, AttrNumber attnum)
{
	ScanKeyInit(&keys[0], Col_relid, BTEqualStrategyNumber, F_OIDEQ,
				ObjectIdGetDatum(relid));
	ScanKeyInit(&keys[1], Col_attnum, BTEqualStrategyNumber, F_INT2EQ,
				Int16GetDatum(attnum));
}

/* The snapshot of the running query: what a STABLE function must see. */
static Snapshot
read_snapshot(void)
{
	return ActiveSnapshotSet() ? GetActiveSnapshot() : GetTransactionSnapshot();
}

bool
bm25_store_read_column(Oid nsp, Oid relid, AttrNumber attnum, Bm25Column *out)
{
	Relation	rel = open_columns(nsp, AccessShareLock);
	ScanKeyData keys[2];
	SysScanDesc scan;
	HeapTuple	tup;
	bool		found = false;

	key_column(keys, relid, attnum);
	scan = systable_beginscan(rel, RelationGetPrimaryKeyIndex(rel), true,
							  read_snapshot(), 2, keys);
	if (HeapTupleIsValid(tup = systable_getnext(scan)))
	{
		Datum		values[COLUMNS_NATTS];
		bool		nulls[COLUMNS_NATTS];

		heap_deform_tuple(tup, RelationGetDescr(rel), values, nulls);
		out->generation = DatumGetInt64(values[Col_generation - 1]);
		out->ndocs = DatumGetInt64(values[Col_ndocs - 1]);
		out->total_length = DatumGetInt64(values[Col_total_length - 1]);
		found = true;
	}
	systable_endscan(scan);
	table_close(rel, AccessShareLock);
	return found;
}

/*
 * Document frequencies of the given terms.  A prefix term gets the sum over
 * the lexemes it starts (an upper bound of the documents holding any of them;
 * the caller caps it by the number of documents).
 */
void
bm25_store_lookup(Oid nsp, Oid relid, AttrNumber attnum, Bm25Lookup *terms,
				  int nterms)
{
	Relation	rel = open_table(nsp, "ar_bm25_lexemes", LEXEMES_NATTS, AccessShareLock);
	Oid			index = RelationGetPrimaryKeyIndex(rel);
	Snapshot	snap = read_snapshot();
	int			i;

	for (i = 0; i < nterms; i++)
	{
		Bm25Lookup *t = &terms[i];
		ScanKeyData keys[3];
		SysScanDesc scan;
		HeapTuple	tup;
		text	   *lex = cstring_to_text_with_len(t->lexeme, t->len);

		key_column(keys, relid, attnum);
		/* the lexeme column is COLLATE "C": index order is byte order */
		ScanKeyEntryInitialize(&keys[2], 0, Lex_lexeme,
							   t->prefix ? BTGreaterEqualStrategyNumber : BTEqualStrategyNumber,
							   InvalidOid, C_COLLATION_OID,
							   t->prefix ? F_TEXT_GE : F_TEXTEQ,
							   PointerGetDatum(lex));
		t->df = 0;
		scan = systable_beginscan(rel, index, true, snap, 3, keys);
		while (HeapTupleIsValid(tup = systable_getnext(scan)))
		{
			bool		isnull;

			if (t->prefix)
			{
				text	   *found = DatumGetTextPP(heap_getattr(tup, Lex_lexeme,
																RelationGetDescr(rel), &isnull));

				if (VARSIZE_ANY_EXHDR(found) < (Size) t->len ||
					memcmp(VARDATA_ANY(found), t->lexeme, t->len) != 0)
					break;		/* past the lexemes it starts */
			}
			t->df += DatumGetInt64(heap_getattr(tup, Lex_df, RelationGetDescr(rel), &isnull));
			if (!t->prefix)
				break;
			CHECK_FOR_INTERRUPTS();
		}
		systable_endscan(scan);
		pfree(lex);
	}
	table_close(rel, AccessShareLock);
}

/* Does the column still exist (its table not dropped, nor itself)? */
static bool
column_is_live(Oid relid, AttrNumber attnum)
{
	HeapTuple	tup = SearchSysCache2(ATTNUM, ObjectIdGetDatum(relid), Int16GetDatum(attnum));
	bool		live;

	if (!HeapTupleIsValid(tup))
		return false;
	live = !((Form_pg_attribute) GETSTRUCT(tup))->attisdropped;
	ReleaseSysCache(tup);
	return live;
}

static void
delete_lexemes(Bm25Writer *w, Oid relid, AttrNumber attnum, Snapshot snap)
{
	ScanKeyData keys[2];
	SysScanDesc scan;
	HeapTuple	tup;

	key_column(keys, relid, attnum);
	scan = systable_beginscan(w->lexemes, RelationGetPrimaryKeyIndex(w->lexemes),
							  true, snap, 2, keys);
	while (HeapTupleIsValid(tup = systable_getnext(scan)))
	{
		CatalogTupleDelete(w->lexemes, &tup->t_self);
		CHECK_FOR_INTERRUPTS();
	}
	systable_endscan(scan);
}

/*
 * Start replacing the statistics of (relid, attnum).  Its old rows go, and
 * so do those of tables and columns dropped since they were analyzed.
 */
Bm25Writer *
bm25_store_begin(Oid nsp, Oid relid, AttrNumber attnum)
{
	Bm25Writer *w = palloc0(sizeof(Bm25Writer));
	Snapshot	snap;
	SysScanDesc scan;
	HeapTuple	tup;

	w->relid = relid;
	w->attnum = attnum;
	w->columns = open_columns(nsp, ShareRowExclusiveLock);
	w->lexemes = open_table(nsp, "ar_bm25_lexemes", LEXEMES_NATTS, RowExclusiveLock);
	w->tuple_cxt = AllocSetContextCreate(CurrentMemoryContext, "bm25 rows",
										 ALLOCSET_DEFAULT_SIZES);

	/*
	 * The latest snapshot, not the statement's: an analyze that committed
	 * while we waited for the lock must be seen, or its rows would collide
	 * with ours.
	 */
	snap = RegisterSnapshot(GetLatestSnapshot());
	scan = systable_beginscan(w->columns, RelationGetPrimaryKeyIndex(w->columns),
							  true, snap, 0, NULL);
	while (HeapTupleIsValid(tup = systable_getnext(scan)))
	{
		Datum		values[COLUMNS_NATTS];
		bool		nulls[COLUMNS_NATTS];
		Oid			r;
		AttrNumber	a;

		heap_deform_tuple(tup, RelationGetDescr(w->columns), values, nulls);
		r = DatumGetObjectId(values[Col_relid - 1]);
		a = DatumGetInt16(values[Col_attnum - 1]);
		/* generations only grow, whatever rows are deleted */
		w->generation = Max(w->generation, DatumGetInt64(values[Col_generation - 1]));
		if ((r == relid && a == attnum) || !column_is_live(r, a))
		{
			delete_lexemes(w, r, a, snap);
			CatalogTupleDelete(w->columns, &tup->t_self);
		}
	}
	systable_endscan(scan);
	UnregisterSnapshot(snap);
	w->generation++;
	CommandCounterIncrement();
	w->lexemes_index = CatalogOpenIndexes(w->lexemes);
	return w;
}

void
bm25_store_lexeme(Bm25Writer *w, const char *lexeme, int len, int64 df)
{
	Datum		values[LEXEMES_NATTS];
	bool		nulls[LEXEMES_NATTS] = {false};
	MemoryContext old = MemoryContextSwitchTo(w->tuple_cxt);
	HeapTuple	tup;

	values[Lex_relid - 1] = ObjectIdGetDatum(w->relid);
	values[Lex_attnum - 1] = Int16GetDatum(w->attnum);
	values[Lex_lexeme - 1] = PointerGetDatum(cstring_to_text_with_len(lexeme, len));
	values[Lex_df - 1] = Int64GetDatum(df);
	tup = heap_form_tuple(RelationGetDescr(w->lexemes), values, nulls);
	CatalogTupleInsertWithInfo(w->lexemes, tup, w->lexemes_index);
	MemoryContextSwitchTo(old);
	if (++w->nlexemes % 512 == 0)
	{
		MemoryContextReset(w->tuple_cxt);
		CHECK_FOR_INTERRUPTS();
	}
}

void
bm25_store_finish(Bm25Writer *w, int64 ndocs, int64 total_length)
{
	Datum		values[COLUMNS_NATTS];
	bool		nulls[COLUMNS_NATTS] = {false};
	HeapTuple	tup;

	CatalogCloseIndexes(w->lexemes_index);
	values[Col_relid - 1] = ObjectIdGetDatum(w->relid);
	values[Col_attnum - 1] = Int16GetDatum(w->attnum);
	values[Col_generation - 1] = Int64GetDatum(w->generation);
	values[Col_ndocs - 1] = Int64GetDatum(ndocs);
	values[Col_total_length - 1] = Int64GetDatum(total_length);
	values[Col_nlexemes - 1] = Int64GetDatum(w->nlexemes);
	values[Col_analyzed_at - 1] = TimestampTzGetDatum(GetCurrentTimestamp());
	tup = heap_form_tuple(RelationGetDescr(w->columns), values, nulls);
	CatalogTupleInsert(w->columns, tup);

	/* every backend re-reads at commit; this one at once */
	CacheInvalidateRelcacheByRelid(RelationGetRelid(w->columns));
	epoch++;
	CommandCounterIncrement();

	/* the locks are kept until the end of the transaction */
	table_close(w->lexemes, NoLock);
	table_close(w->columns, NoLock);
	MemoryContextDelete(w->tuple_cxt);
	pfree(w);
}
