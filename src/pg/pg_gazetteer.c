/*
 * pg_gazetteer.c
 *	  The compiled gazetteer of ar_entities(): the shipped rows of a data file
 *	  plus the users' rows of table ar_gazetteer, kept per backend.
 *
 * Two parts, compiled separately.  The shipped rows (share/extension/
 * pg_arabic_gazetteer.tsv, UTF-8 whatever the database encoding) are
 * compiled once per backend into a template.  The users' rows are added to a
 * copy of that template, remade only when the rows the caller can see
 * change.  The learned tagger is loaded once and attached or detached per
 * call, so switching pg_arabic.entity_model compiles nothing.
 *
 * Freshness without triggers: the compiled copy remembers the row versions
 * it was built from (ctid and xmin of every visible row).  Under a snapshot
 * not seen before, a scan that deforms nothing lists them again: the same
 * list means nothing to do, rows only inserted are added to a copy of the
 * compiled gazetteer, anything else recompiles the users' rows.  So a
 * committed change is seen by the next statement of every session however it
 * was made (session_replication_role = replica, triggers disabled, logical
 * replication), and a copy built under an old REPEATABLE READ snapshot is
 * never taken for the current one.
 *
 * Privileges are checked on every call, as a SELECT on the table would check
 * them.  When row level security applies to the caller, the rows are read
 * through SPI once per statement, so that the policies filter them (they may
 * depend on the user or on settings), and the copy is that user's.
 */
#include "postgres.h"

#include "access/table.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "common/string.h"
#include "executor/spi.h"
#include "executor/tuptable.h"
#include "fmgr.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "storage/fd.h"
#include "storage/itemptr.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/rls.h"
#include "utils/snapmgr.h"
#include "utils/timestamp.h"
#include "utils/tuplestore.h"

#include "ar_entities.h"
#include "ar_gazetteer.h"
#include "ar_ner_clusters.h"
#include "ar_ner_model.h"
#include "pg_arabic.h"

PG_FUNCTION_INFO_V1(ar_gazetteer_changed);
PG_FUNCTION_INFO_V1(ar_gazetteer_shipped);

/* A user row of this type hides the shipped row of the same name. */
#define IGNORE_TYPE "ignore"

/* One gazetteer row, UTF-8, NUL-terminated; canon NULL when not given. */
typedef struct GazRow
{
	char	   *name;
	char	   *type;
	char	   *canon;
} GazRow;

/* Column numbers of name, type, canonical in ar_gazetteer. */
typedef struct GazCols
{
	AttrNumber	name;
	AttrNumber	type;
	AttrNumber	canon;
} GazCols;

/* A row version: its tid and the transaction that wrote it. */
typedef struct RowVer
{
	uint64		tid;			/* block << 16 | offset */
	uint64		xmin;
} RowVer;

/* What makes two snapshots see the same rows. */
typedef struct SnapKey
{
	bool		valid;
	TransactionId xmin;
	TransactionId xmax;
	CommandId	curcid;
	uint32		xcnt;
	int32		subxcnt;
	bool		suboverflowed;
	uint64		xids;			/* hash of the in-progress xids */
	TimestampTz stmt;			/* the statement's start, under RLS only */
} SnapKey;

static ar_gaz *shipped_tpl;		/* lexicon + shipped rows, never built */
static ar_gaz *gaz;				/* shipped + users' rows, built */
static Oid	gaz_relid = InvalidOid;
static Oid	gaz_rls_user = InvalidOid;	/* the reader, when RLS applies */
static uint64 gaz_fp;			/* fingerprint of the rows gaz holds (RLS) */
static struct RowVer *gaz_vers;	/* the row versions gaz holds (no RLS), */
static int	gaz_nvers = -1;		/* in tid order; -1: unknown */
static SnapKey gaz_snap;		/* the snapshot gaz was last found fresh in */
static ar_ner_model *spare_model;	/* the tagger, while detached */
static bool model_failed = false;

#define FP_INIT UINT64CONST(0xcbf29ce484222325)

static inline uint64
fp_mix(uint64 h, uint64 v)
{
	h ^= v;
	h *= UINT64CONST(0x100000001b3);
	return h ^ (h >> 29);
}

static uint64
tid_key(ItemPointer tid)
{
	return ((uint64) ItemPointerGetBlockNumberNoCheck(tid) << 16) |
		ItemPointerGetOffsetNumberNoCheck(tid);
}

static uint64
fp_row(uint64 h, TransactionId xmin, ItemPointer tid)
{
	return fp_mix(fp_mix(h, (uint64) xmin), tid_key(tid));
}

static void
snap_key(Snapshot s, SnapKey *k)
{
	uint32		i;

	memset(k, 0, sizeof(*k));
	k->valid = true;
	k->xmin = s->xmin;
	k->xmax = s->xmax;
	k->curcid = s->curcid;
	k->xcnt = s->xcnt;
	k->subxcnt = s->subxcnt;
	k->suboverflowed = s->suboverflowed;
	k->xids = FP_INIT;
	for (i = 0; i < s->xcnt; i++)
		k->xids = fp_mix(k->xids, s->xip[i]);
	for (i = 0; s->subxcnt > 0 && i < (uint32) s->subxcnt; i++)
		k->xids = fp_mix(k->xids, s->subxip[i]);
}

static bool
snap_equal(const SnapKey *a, const SnapKey *b)
{
	return a->valid && b->valid && a->xmin == b->xmin && a->xmax == b->xmax &&
		a->curcid == b->curcid && a->xcnt == b->xcnt &&
		a->subxcnt == b->subxcnt && a->suboverflowed == b->suboverflowed &&
		a->xids == b->xids && a->stmt == b->stmt;
}

/* ---- the shipped rows ---- */

static void
shipped_path(char *path)
{
	char		share[MAXPGPATH];

	get_share_path(my_exec_path, share);
	snprintf(path, MAXPGPATH, "%s/extension/pg_arabic_gazetteer.tsv", share);
}

/*
 * Can UTF-8 text s be stored in this database?  Shipped names outside the
 * database's character set (پ in ISO_8859_6) could never be matched nor
 * returned, so they are left out there.
 */
static bool
representable(const char *s, Oid conv)
{
	int			len = (int) strlen(s);
	unsigned char *out;
	int			done;

	if (!OidIsValid(conv) || len == 0)
		return true;
	out = palloc((Size) len * MAX_CONVERSION_GROWTH + 1);
	done = pg_do_encoding_conversion_buf(conv, PG_UTF8, GetDatabaseEncoding(),
										 (unsigned char *) s, len, out,
										 len * MAX_CONVERSION_GROWTH + 1, true);
	pfree(out);
	return done == len;
}

/*
 * The shipped rows (name TAB type TAB canonical; # starts a comment) that
 * this database can hold, in file order, palloc'd.
 */
static List *
read_shipped(void)
{
	char		path[MAXPGPATH];
	FILE	   *f;
	StringInfoData line;
	List	   *rows = NIL;
	int			lineno = 0;
	Oid			conv = InvalidOid;

	if (!pg_arabic_db_is_utf8())
	{
		pg_arabic_check_encoding();
		conv = FindDefaultConversionProc(PG_UTF8, GetDatabaseEncoding());
	}
	shipped_path(path);
	f = AllocateFile(path, "r");
	if (f == NULL)
		ereport(ERROR,
				(errcode_for_file_access(),
				 errmsg("could not open the shipped gazetteer \"%s\": %m", path),
				 errhint("Reinstall pg_arabic: the file comes with the extension.")));
	initStringInfo(&line);
	while (pg_get_line_buf(f, &line))
	{
		char	   *fields[3] = {NULL, NULL, NULL};
		char	   *p = line.data;
		int			n = 0;
		GazRow	   *r;
		bool		valid;

		lineno++;
		while (line.len > 0 && (line.data[line.len - 1] == '\n' || line.data[line.len - 1] == '\r'))
			line.data[--line.len] = '\0';
		if (line.len == 0 || line.data[0] == '#')
			continue;
		valid = pg_verify_mbstr(PG_UTF8, line.data, line.len, true);
		while (n < 3)
		{
			char	   *tab = strchr(p, '\t');

			fields[n++] = p;
			if (tab == NULL)
				break;
			*tab = '\0';
			p = tab + 1;
		}
		if (n < 2 || ar_etype_parse(fields[1]) < 0 || !valid)
		{
			FreeFile(f);
			ereport(ERROR,
					(errcode(ERRCODE_CONFIG_FILE_ERROR),
					 errmsg("the shipped gazetteer \"%s\" is damaged at line %d", path, lineno),
					 errhint("Reinstall pg_arabic.")));
		}
		if (!representable(fields[0], conv) ||
			(fields[2] != NULL && !representable(fields[2], conv)))
			continue;
		r = palloc(sizeof(GazRow));
		r->name = pstrdup(fields[0]);
		r->type = pstrdup(fields[1]);
		r->canon = (fields[2] != NULL && fields[2][0] != '\0') ? pstrdup(fields[2]) : NULL;
		rows = lappend(rows, r);
	}
	FreeFile(f);
	pfree(line.data);
	return rows;
}

/* length of a row's canonical; 0 (none) for NULL */
#define CANON_LEN(r) ((r)->canon ? strlen((r)->canon) : 0)

/* The template: built-in lexicon and shipped rows, compiled once. */
static ar_gaz *
compile_shipped(void)
{
	MemoryContext tmp = AllocSetContextCreate(CurrentMemoryContext, "pg_arabic shipped gazetteer",
											  ALLOCSET_DEFAULT_SIZES);
	MemoryContext old = MemoryContextSwitchTo(tmp);
	List	   *rows = read_shipped();
	ListCell   *lc;
	ar_gaz	   *g;
	int			n = 0;

	MemoryContextSwitchTo(old);
	g = ar_gaz_new();
	if (g == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory building the gazetteer")));
	foreach(lc, rows)
	{
		GazRow	   *r = lfirst(lc);

		/* over-long names are refused by the core and left out */
		if (ar_gaz_add_row(g, r->name, strlen(r->name), (ar_etype) ar_etype_parse(r->type),
						   r->canon, CANON_LEN(r), 0) == 0)
			n++;
	}
	MemoryContextDelete(tmp);
	ereport(DEBUG1, (errmsg_internal("pg_arabic: compiled %d shipped gazetteer rows", n)));
	return g;
}

/* ---- the users' rows ---- */

static AttrNumber
column_of(Relation rel, const char *col)
{
	TupleDesc	d = RelationGetDescr(rel);
	int			i;

	for (i = 0; i < d->natts; i++)
	{
		Form_pg_attribute a = TupleDescAttr(d, i);

		if (a->attisdropped || strcmp(NameStr(a->attname), col) != 0)
			continue;
		if (a->atttypid != TEXTOID)
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("column \"%s\" of table ar_gazetteer has type %s, not text",
							col, format_type_be(a->atttypid)),
					 errhint("ar_entities() reads this table: ALTER TABLE ar_gazetteer ALTER COLUMN %s TYPE text, or reinstall pg_arabic.",
							 col)));
		return a->attnum;
	}
	ereport(ERROR,
			(errcode(ERRCODE_UNDEFINED_COLUMN),
			 errmsg("table ar_gazetteer has no column \"%s\"", col),
			 errhint("ar_entities() reads this table: restore the column, or reinstall pg_arabic.")));
	return InvalidAttrNumber;	/* not reached */
}

/* The table must still look as the extension made it: never trust its shape. */
static void
check_shape(Relation rel, GazCols *c)
{
	if (rel->rd_rel->relkind != RELKIND_RELATION)
		ereport(ERROR,
				(errcode(ERRCODE_WRONG_OBJECT_TYPE),
				 errmsg("\"%s\" is not a table", RelationGetRelationName(rel)),
				 errhint("Reinstall pg_arabic to recreate table ar_gazetteer.")));
	c->name = column_of(rel, "name");
	c->type = column_of(rel, "type");
	c->canon = column_of(rel, "canonical");
}

/* The caller must be allowed to SELECT what we read, on every call. */
static void
check_select(Relation rel, const GazCols *c)
{
	Oid			relid = RelationGetRelid(rel);
	Oid			user = GetUserId();

	if (pg_class_aclcheck(relid, user, ACL_SELECT) == ACLCHECK_OK)
		return;
	if (pg_attribute_aclcheck(relid, c->name, user, ACL_SELECT) == ACLCHECK_OK &&
		pg_attribute_aclcheck(relid, c->type, user, ACL_SELECT) == ACLCHECK_OK &&
		pg_attribute_aclcheck(relid, c->canon, user, ACL_SELECT) == ACLCHECK_OK)
		return;
	ereport(ERROR,
			(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
			 errmsg("permission denied for table %s", RelationGetRelationName(rel)),
			 errdetail("ar_entities() reads table ar_gazetteer with the caller's rights."),
			 errhint("GRANT SELECT ON ar_gazetteer to the role.")));
}

static char *
datum_utf8(Datum d)
{
	char	   *s = TextDatumGetCString(d);
	int			len;

	return pg_arabic_to_utf8(s, (int) strlen(s), &len);
}

/* A row of the table as UTF-8, or NULL if a NULL name or type leaves it out. */
static GazRow *
make_row(Datum name, bool name_null, Datum type, bool type_null, Datum canon, bool canon_null)
{
	GazRow	   *r;

	if (name_null || type_null)
		return NULL;
	r = palloc(sizeof(GazRow));
	r->name = datum_utf8(name);
	r->type = TextDatumGetCString(type);
	r->canon = canon_null ? NULL : datum_utf8(canon);
	return r;
}

/* The rows of rel that snap sees (a table scan: no policy applies). */
static List *
scan_rows(Relation rel, Snapshot snap, const GazCols *c)
{
	TableScanDesc scan = table_beginscan(rel, snap, 0, NULL);
	TupleTableSlot *slot = table_slot_create(rel, NULL);
	List	   *rows = NIL;

	while (table_scan_getnextslot(scan, ForwardScanDirection, slot))
	{
		bool		n1,
					n2,
					n3;
		Datum		name = slot_getattr(slot, c->name, &n1),
					type = slot_getattr(slot, c->type, &n2),
					canon = slot_getattr(slot, c->canon, &n3);
		GazRow	   *r = make_row(name, n1, type, n2, canon, n3);

		CHECK_FOR_INTERRUPTS();
		if (r != NULL)
			rows = lappend(rows, r);
	}
	ExecDropSingleTupleTableSlot(slot);
	table_endscan(scan);
	return rows;
}

static int
ver_cmp(const void *a, const void *b)
{
	const RowVer *x = a,
			   *y = b;

	if (x->tid != y->tid)
		return x->tid < y->tid ? -1 : 1;
	if (x->xmin != y->xmin)
		return x->xmin < y->xmin ? -1 : 1;
	return 0;
}

/*
 * The versions of the rows of rel that snap sees, in tid order: what the
 * compiled copy is checked against.  Nothing is deformed.
 */
static RowVer *
scan_versions(Relation rel, Snapshot snap, int *n)
{
	/* no synchronized scan, so that rows come in tid order */
	TableScanDesc scan = table_beginscan_strat(rel, snap, 0, NULL, true, false);
	TupleTableSlot *slot = table_slot_create(rel, NULL);
	int			cap = 1024;
	RowVer	   *v = palloc(sizeof(RowVer) * cap);
	bool		sorted = true;

	*n = 0;
	while (table_scan_getnextslot(scan, ForwardScanDirection, slot))
	{
		bool		isnull;
		Datum		xmin = slot_getsysattr(slot, MinTransactionIdAttributeNumber, &isnull);

		CHECK_FOR_INTERRUPTS();
		if (*n == cap)
		{
			cap *= 2;
			v = repalloc_huge(v, sizeof(RowVer) * cap);
		}
		v[*n].tid = tid_key(&slot->tts_tid);
		v[*n].xmin = DatumGetTransactionId(xmin);
		if (*n > 0 && v[*n - 1].tid > v[*n].tid)
			sorted = false;
		(*n)++;
	}
	ExecDropSingleTupleTableSlot(slot);
	table_endscan(scan);
	if (!sorted)
		qsort(v, *n, sizeof(RowVer), ver_cmp);
	return v;
}

/*
 * The versions in v that gaz_vers lacks, if nothing else changed (no row
 * deleted nor updated); NIL otherwise.  *only_added says which.
 */
static List *
added_versions(RowVer *v, int n, bool *only_added)
{
	List	   *added = NIL;
	int			i = 0,
				j = 0;

	*only_added = false;
	while (i < gaz_nvers || j < n)
	{
		int			c = (i == gaz_nvers) ? 1 : (j == n) ? -1 : ver_cmp(&gaz_vers[i], &v[j]);

		if (c < 0)
			return NIL;			/* a row gone: a shipped row may be back */
		if (c == 0)
			i++;
		else
			added = lappend(added, &v[j]);
		j++;
	}
	*only_added = true;
	return added;
}

/* The rows at the given versions, as snap sees them. */
static List *
fetch_rows(Relation rel, Snapshot snap, const GazCols *c, List *vers)
{
	TupleTableSlot *slot = table_slot_create(rel, NULL);
	List	   *rows = NIL;
	ListCell   *lc;

	foreach(lc, vers)
	{
		RowVer	   *v = lfirst(lc);
		ItemPointerData tid;
		bool		n1,
					n2,
					n3;
		Datum		name,
					type,
					canon;
		GazRow	   *r;

		ItemPointerSet(&tid, (BlockNumber) (v->tid >> 16), (OffsetNumber) (v->tid & 0xffff));
		if (!table_tuple_fetch_row_version(rel, &tid, snap, slot))
			elog(ERROR, "pg_arabic: gazetteer row (%u,%u) vanished",
				 ItemPointerGetBlockNumber(&tid), ItemPointerGetOffsetNumber(&tid));
		name = slot_getattr(slot, c->name, &n1);
		type = slot_getattr(slot, c->type, &n2);
		canon = slot_getattr(slot, c->canon, &n3);
		r = make_row(name, n1, type, n2, canon, n3);
		if (r != NULL)
			rows = lappend(rows, r);
	}
	ExecDropSingleTupleTableSlot(slot);
	return rows;
}

/*
 * The rows the caller's policies let through, and their fingerprint, which
 * includes the user: policies may depend on who reads.
 */
static uint64
read_rls(Relation rel, List **rows)
{
	MemoryContext caller = CurrentMemoryContext;
	StringInfoData q;
	uint64		fp = fp_mix(FP_INIT, GetUserId()),
				i;

	initStringInfo(&q);
	appendStringInfo(&q, "SELECT name, type, canonical, xmin, ctid FROM ONLY %s",
					 quote_qualified_identifier(get_namespace_name(RelationGetNamespace(rel)),
												RelationGetRelationName(rel)));
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_execute(q.data, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "could not read table ar_gazetteer");
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	t = SPI_tuptable->vals[i];
		TupleDesc	d = SPI_tuptable->tupdesc;
		bool		n1,
					n2,
					n3,
					n4,
					n5;
		Datum		name = SPI_getbinval(t, d, 1, &n1),
					type = SPI_getbinval(t, d, 2, &n2),
					canon = SPI_getbinval(t, d, 3, &n3),
					xmin = SPI_getbinval(t, d, 4, &n4),
					ctid = SPI_getbinval(t, d, 5, &n5);
		MemoryContext spi;
		GazRow	   *r;

		fp = fp_row(fp, DatumGetTransactionId(xmin), (ItemPointer) DatumGetPointer(ctid));
		/* the rows outlive SPI_finish */
		spi = MemoryContextSwitchTo(caller);
		r = make_row(name, n1, type, n2, canon, n3);
		if (r != NULL)
			*rows = lappend(*rows, r);
		MemoryContextSwitchTo(spi);
	}
	SPI_finish();
	return fp;
}

/* rows as an array */
static GazRow **
row_array(List *rows)
{
	GazRow	  **v = palloc(sizeof(GazRow *) * Max(list_length(rows), 1));
	ListCell   *lc;
	int			i = 0;

	foreach(lc, rows)
		v[i++] = lfirst(lc);
	return v;
}

/*
 * Add users' rows to g, a copy not yet built: first every "ignore" row hides
 * the shipped entry of its name, then the rows are added (in table order:
 * the core's choice between rows of one name does not depend on it, see
 * ar_gazetteer.h).  Builds g; frees it on OOM.
 */
static void
add_users(ar_gaz *g, GazRow **v, int n, const char *how)
{
	int			i,
				rc,
				added = 0;
	GazRow	   *too_long = NULL;

	for (i = 0; i < n; i++)
		if (strcmp(v[i]->type, IGNORE_TYPE) == 0)
			(void) ar_gaz_remove(g, v[i]->name, strlen(v[i]->name));
	for (i = 0; i < n; i++)
	{
		int			t = ar_etype_parse(v[i]->type);

		/* a type the CHECK constraint lets through but we cannot use: skipped */
		if (t < 0)
			continue;
		/* -1 is a name with nothing to match: skipped, never fatal */
		rc = ar_gaz_add_row(g, v[i]->name, strlen(v[i]->name), (ar_etype) t,
							v[i]->canon, CANON_LEN(v[i]), 1);
		if (rc == 0)
			added++;
		else if (rc == AR_GAZ_TOO_LONG)
			too_long = v[i];
	}
	/* once per compile: the same row would warn at every call otherwise */
	if (too_long != NULL)
	{
		int			len;
		char	   *name = pg_arabic_from_utf8(too_long->name, (int) strlen(too_long->name), &len);

		ereport(WARNING,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("ar_gazetteer name \"%s\" has more than %d words and is never matched",
						pnstrdup(name, len), AR_GAZ_MAX_TOKENS),
				 errhint("Shorten the name, or add its usual short form as an alias row.")));
	}
	if (ar_gaz_build(g) != 0)
	{
		ar_gaz_free(g);
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory building the gazetteer")));
	}
	ereport(DEBUG1, (errmsg_internal("pg_arabic: %s %d user gazetteer rows", how, added)));
}

static ar_gaz *
copy_of(const ar_gaz *base)
{
	ar_gaz	   *g = ar_gaz_copy(base);

	if (g == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory building the gazetteer")));
	return g;
}

/* The template plus all the users' rows. */
static ar_gaz *
compile_users(List *rows)
{
	GazRow	  **v = row_array(rows);
	ar_gaz	   *g = copy_of(shipped_tpl);

	add_users(g, v, list_length(rows), "compiled");
	return g;
}

/*
 * gaz plus rows newly inserted, or NULL when one of them has the name of an
 * earlier user's row: an "ignore" row must not hide that one, so all the
 * users' rows are compiled again instead (ignore rows first).
 */
static ar_gaz *
compile_added(List *rows)
{
	GazRow	  **v = row_array(rows);
	int			n = list_length(rows),
				i;
	ar_gaz	   *g;

	for (i = 0; i < n; i++)
	{
		int			r = ar_gaz_is_user_row(gaz, v[i]->name, strlen(v[i]->name));

		if (r < 0)
			ereport(ERROR,
					(errcode(ERRCODE_OUT_OF_MEMORY),
					 errmsg("out of memory building the gazetteer")));
		if (r > 0)
			return NULL;
	}
	g = copy_of(gaz);
	add_users(g, v, n, "added");
	return g;
}

/* Make g the compiled copy; the tagger moves over in set_model. */
static void
replace_gaz(ar_gaz *g, Oid relid, Oid rls_user)
{
	if (gaz != NULL && ar_gaz_model(gaz) != NULL)
		spare_model = ar_gaz_swap_model(gaz, NULL);
	ar_gaz_free(gaz);
	gaz = g;
	gaz_relid = relid;
	gaz_rls_user = rls_user;
	if (gaz_vers != NULL)
		pfree(gaz_vers);
	gaz_vers = NULL;
	gaz_nvers = -1;
}

/* ---- the learned tagger ---- */

/* Path of an installed file of the tagger (name: ner_model, ner_clusters). */
static void
model_path(char *path, const char *name)
{
	char		share[MAXPGPATH];

	get_share_path(my_exec_path, share);
	snprintf(path, MAXPGPATH, "%s/extension/pg_arabic_%s.tsv", share, name);
}

/* The tagger's word clusters into model m; a failure only weakens it. */
static void
load_clusters(ar_ner_model *m)
{
	char		path[MAXPGPATH],
				err[256];
	ar_ner_clusters *c;

	model_path(path, "ner_clusters");
	c = ar_ner_clusters_load(path, err, sizeof(err));
	if (c == NULL)
		ereport(WARNING,
				(errcode(ERRCODE_CONFIG_FILE_ERROR),
				 errmsg("pg_arabic could not load the word clusters of its entity model: %s", err),
				 errdetail("File \"%s\".", path),
				 errhint("Reinstall pg_arabic; entities are found with less accuracy until then.")));
	else
		ar_ner_model_set_clusters(m, c);
}

/*
 * Attach the tagger to g when pg_arabic.entity_model is on, detach it when
 * off.  Loaded once per backend; a missing or broken file is not fatal: the
 * rules still work, and the user is told (once) why recall is lower.
 */
static void
set_model(ar_gaz *g)
{
	bool		has = ar_gaz_model(g) != NULL;

	if (pg_arabic_entity_model && !has)
	{
		if (spare_model == NULL && !model_failed)
		{
			char		path[MAXPGPATH],
						err[256];

			model_path(path, "ner_model");
			spare_model = ar_ner_model_load(path, err, sizeof(err));
			if (spare_model == NULL)
			{
				model_failed = true;
				ereport(WARNING,
						(errcode(ERRCODE_CONFIG_FILE_ERROR),
						 errmsg("pg_arabic could not load its entity model: %s", err),
						 errdetail("File \"%s\".", path),
						 errhint("Reinstall pg_arabic, or SET pg_arabic.entity_model = off to use the rules alone.")));
			}
			else
				load_clusters(spare_model);
		}
		if (spare_model != NULL)
			spare_model = ar_gaz_swap_model(g, spare_model);
	}
	else if (!pg_arabic_entity_model && has)
		spare_model = ar_gaz_swap_model(g, NULL);
}

/* ---- the compiled gazetteer ---- */

/*
 * The compiled gazetteer of table ar_gazetteer in schema nsp for the
 * caller, rebuilt now if the rows it sees have changed.
 */
ar_gaz *
pg_arabic_gazetteer(Oid nsp)
{
	Oid			relid = get_relname_relid("ar_gazetteer", nsp);
	Relation	rel;
	GazCols		cols;
	Oid			rls_user;
	Snapshot	snap;
	SnapKey		key;

	if (!OidIsValid(relid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("table ar_gazetteer of extension pg_arabic is missing"),
				 errhint("Reinstall the extension: DROP EXTENSION pg_arabic; CREATE EXTENSION pg_arabic;")));
	rel = table_open(relid, AccessShareLock);
	check_shape(rel, &cols);
	check_select(rel, &cols);
	rls_user = check_enable_rls(relid, InvalidOid, false) == RLS_ENABLED ? GetUserId() : InvalidOid;
	snap = ActiveSnapshotSet() ? GetActiveSnapshot() : GetTransactionSnapshot();
	snap_key(snap, &key);
	/* policies may read settings: under RLS, read again at each statement */
	if (OidIsValid(rls_user))
		key.stmt = GetCurrentStatementStartTimestamp();

	if (gaz == NULL || relid != gaz_relid || rls_user != gaz_rls_user ||
		!snap_equal(&key, &gaz_snap))
	{
		MemoryContext tmp = AllocSetContextCreate(CurrentMemoryContext, "pg_arabic gazetteer rows",
												  ALLOCSET_DEFAULT_SIZES);
		MemoryContext old = MemoryContextSwitchTo(tmp);
		bool		same_table = gaz != NULL && relid == gaz_relid && rls_user == gaz_rls_user;

		if (shipped_tpl == NULL)
			shipped_tpl = compile_shipped();
		if (OidIsValid(rls_user))
		{
			List	   *rows = NIL;
			uint64		fp = read_rls(rel, &rows);

			if (!same_table || fp != gaz_fp)
			{
				replace_gaz(compile_users(rows), relid, rls_user);
				gaz_fp = fp;
			}
		}
		else
		{
			int			n;
			RowVer	   *v = scan_versions(rel, snap, &n);

			if (!same_table || n != gaz_nvers ||
				(n > 0 && memcmp(v, gaz_vers, sizeof(RowVer) * n) != 0))
			{
				ar_gaz	   *g = NULL;
				bool		only_added = false;
				List	   *added = NIL;

				/* rows only inserted (the usual change): add them to a copy */
				if (same_table && gaz_nvers >= 0)
					added = added_versions(v, n, &only_added);
				if (only_added && list_length(added) <= n / 2)
					g = compile_added(fetch_rows(rel, snap, &cols, added));
				if (g == NULL)
					g = compile_users(scan_rows(rel, snap, &cols));
				replace_gaz(g, relid, rls_user);
				gaz_vers = MemoryContextAlloc(TopMemoryContext, sizeof(RowVer) * Max(n, 1));
				memcpy(gaz_vers, v, sizeof(RowVer) * n);
				gaz_nvers = n;
			}
		}
		gaz_snap = key;
		MemoryContextSwitchTo(old);
		MemoryContextDelete(tmp);
	}
	table_close(rel, NoLock);
	set_model(gaz);
	return gaz;
}

/*
 * The trigger of version 1.0 on ar_gazetteer.  1.1 needs no trigger (see the
 * header), but a database not yet updated still calls this.
 */
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

/* ar_gazetteer_shipped(): the shipped rows, as this database can hold them. */
Datum
ar_gazetteer_shipped(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	List	   *rows;
	ListCell   *lc;

	InitMaterializedSRF(fcinfo, 0);
	rows = read_shipped();
	foreach(lc, rows)
	{
		GazRow	   *r = lfirst(lc);
		Datum		values[3];
		bool		nulls[3] = {false, false, false};
		int			len;
		char	   *s;

		s = pg_arabic_from_utf8(r->name, (int) strlen(r->name), &len);
		values[0] = PointerGetDatum(cstring_to_text_with_len(s, len));
		values[1] = PointerGetDatum(cstring_to_text(r->type));
		if (r->canon != NULL)
		{
			s = pg_arabic_from_utf8(r->canon, (int) strlen(r->canon), &len);
			values[2] = PointerGetDatum(cstring_to_text_with_len(s, len));
		}
		else
			nulls[2] = true;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
