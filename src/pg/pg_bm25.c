/*
 * pg_bm25.c
 *	  Okapi BM25 relevance ranking of tsvector columns:
 *	  ar_bm25_analyze(tbl, col) collects the statistics, ar_bm25_rank(tbl, col,
 *	  doc, query) scores one document.
 *
 * Order of work.  Analyze: check the column and the caller's rights, lock the
 * table against a concurrent analyze, stream the column through a cursor
 * while counting each lexeme's documents in a hash table (memory grows with
 * the number of distinct lexemes, never with the table), then replace the
 * stored statistics (pg_bm25_store.c).  Rank: on its first call in a query,
 * check the column and the caller's rights and read the column's statistics
 * into fn_extra; when the query changes, look up its terms' document
 * frequencies; then every call only scores the document in memory.
 *
 *	 score = sum over the query's distinct terms t found in the document of
 *			 idf(t) * tf * (k1 + 1) / (tf + k1 * (1 - b + b * dl / avgdl))
 *
 * tf: positions of t in the document (1 for a stripped lexeme); dl: the
 * document's positions in all (its words, stopwords excluded); avgdl: the mean
 * dl at the last analyze.
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_class.h"
#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "storage/lmgr.h"
#include "tsearch/ts_type.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

#include "pg_bm25.h"

PG_FUNCTION_INFO_V1(ar_bm25_analyze);
PG_FUNCTION_INFO_V1(ar_bm25_rank);

static double bm25_k1 = 1.2;
static double bm25_b = 0.75;

void
pg_arabic_bm25_define_gucs(void)
{
	DefineCustomRealVariable("pg_arabic.bm25_k1",
							 "Term frequency saturation (k1) of ar_bm25_rank().",
							 "0 counts a term once however often it occurs; larger values let repetitions count longer.",
							 &bm25_k1, 1.2, 0.0, 1000.0,
							 PGC_USERSET, 0, NULL, NULL, NULL);
	DefineCustomRealVariable("pg_arabic.bm25_b",
							 "Document length normalization (b) of ar_bm25_rank().",
							 "0 ignores document length; 1 divides term frequency fully by the relative length.",
							 &bm25_b, 0.75, 0.0, 1.0,
							 PGC_USERSET, 0, NULL, NULL, NULL);
}

/* ---------- the column: existence, type, rights ---------- */

/*
 * The attribute number of tsvector column col of relid, after checking that
 * the current user may read it.  The statistics describe the column's data,
 * so they are as private as the column.
 */
static AttrNumber
check_column(Oid relid, const char *col)
{
	char	   *relname = get_rel_name(relid);
	AttrNumber	attnum;
	Oid			type;

	if (relname == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("relation with OID %u does not exist", relid)));
	attnum = get_attnum(relid, col);
	if (attnum == InvalidAttrNumber)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("column \"%s\" of relation \"%s\" does not exist",
						col, relname)));
	if (pg_class_aclcheck(relid, GetUserId(), ACL_SELECT) != ACLCHECK_OK &&
		pg_attribute_aclcheck(relid, attnum, GetUserId(), ACL_SELECT) != ACLCHECK_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("permission denied for table %s", relname),
				 errdetail("The BM25 statistics of column \"%s\" are readable only by roles that may read the column.",
						   col)));
	type = get_atttype(relid, attnum);
	if (getBaseType(type) != TSVECTOROID)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("column \"%s\" of relation \"%s\" is of type %s, not tsvector",
						col, relname, format_type_be(type)),
				 errhint("BM25 ranks a tsvector column, such as one GENERATED ALWAYS AS (to_tsvector('ar', body)) STORED.")));
	return attnum;
}

/*
 * Who may analyze: the table's owner, as for ANALYZE, since the statistics
 * are shared by every role that ranks the column.
 */
static void
check_analyzable(Oid relid)
{
	char	   *relname = get_rel_name(relid);
	char		kind;

	if (relname == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("relation with OID %u does not exist", relid)));
	kind = get_rel_relkind(relid);
	if (kind != RELKIND_RELATION && kind != RELKIND_PARTITIONED_TABLE &&
		kind != RELKIND_MATVIEW && kind != RELKIND_VIEW &&
		kind != RELKIND_FOREIGN_TABLE)
		ereport(ERROR,
				(errcode(ERRCODE_WRONG_OBJECT_TYPE),
				 errmsg("\"%s\" is not a table, view or materialized view", relname)));
	if (!pg_class_ownercheck(relid, GetUserId()))
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("must be owner of table %s to collect its BM25 statistics", relname),
				 errdetail("The statistics are shared by every role that ranks the column.")));
}

/* Length of a document: its word positions (1 for a stripped lexeme). */
static int64
document_length(TSVector doc)
{
	WordEntry  *we = ARRPTR(doc);
	int64		n = 0;
	int			i;

	for (i = 0; i < doc->size; i++)
		n += we[i].haspos ? POSDATALEN(doc, &we[i]) : 1;
	return n;
}

/* ---------- analyze ---------- */

typedef struct LexKey
{
	const char *s;
	uint32		len;
} LexKey;

typedef struct LexCount
{
	LexKey		key;
	uint32		hash;
	char		status;
	int64		df;
} LexCount;

#define SH_PREFIX lexcount
#define SH_ELEMENT_TYPE LexCount
#define SH_KEY_TYPE LexKey
#define SH_KEY key
#define SH_HASH_KEY(tb, k) hash_bytes((const unsigned char *) (k).s, (int) (k).len)
#define SH_EQUAL(tb, a, b) ((a).len == (b).len && memcmp((a).s, (b).s, (a).len) == 0)
#define SH_STORE_HASH
#define SH_GET_HASH(tb, a) ((a)->hash)
#define SH_SCOPE static inline
#define SH_DECLARE
#define SH_DEFINE
#include "lib/simplehash.h"

#define ARENA_BLOCK (64 * 1024)
#define FETCH_ROWS 1000

typedef struct Collected
{
	MemoryContext cxt;			/* the hash table and the lexemes */
	lexcount_hash *lexemes;
	char	   *arena;			/* lexeme bytes, copied once each */
	Size		arena_left;
	int64		ndocs;
	int64		total_length;
} Collected;

static const char *
arena_copy(Collected *c, const char *s, uint32 len)
{
	char	   *p;

	if (len > c->arena_left)
	{
		c->arena_left = Max(len, ARENA_BLOCK);
		c->arena = MemoryContextAlloc(c->cxt, c->arena_left);
	}
	p = c->arena;
	memcpy(p, s, len);
	c->arena += len;
	c->arena_left -= len;
	return p;
}

static void
count_document(Collected *c, TSVector doc)
{
	WordEntry  *we = ARRPTR(doc);
	char	   *str = STRPTR(doc);
	int			i;

	c->ndocs++;
	c->total_length += document_length(doc);
	/* a tsvector holds each lexeme once: one document each */
	for (i = 0; i < doc->size; i++)
	{
		LexKey		k = {str + we[i].pos, we[i].len};
		bool		found;
		LexCount   *e = lexcount_insert(c->lexemes, k, &found);

		if (!found)
		{
			e->key.s = arena_copy(c, k.s, k.len);
			e->df = 0;
		}
		e->df++;
	}
}

/*
 * Stream column col of relid through a cursor, FETCH_ROWS rows at a time,
 * as the calling user (row-level security and column privileges apply).
 */
static void
collect(Collected *c, Oid relid, const char *col)
{
	char	   *sql = psprintf("SELECT %s FROM %s", quote_identifier(col),
							   quote_qualified_identifier(get_namespace_name(get_rel_namespace(relid)),
														  get_rel_name(relid)));
	MemoryContext batch = AllocSetContextCreate(c->cxt, "bm25 analyze batch",
												ALLOCSET_DEFAULT_SIZES);
	SPIPlanPtr	plan;
	Portal		portal;

	c->lexemes = lexcount_create(c->cxt, 1 << 14, NULL);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	plan = SPI_prepare(sql, 0, NULL);
	if (plan == NULL)
		elog(ERROR, "SPI_prepare(\"%s\") failed: %s", sql, SPI_result_code_string(SPI_result));
	portal = SPI_cursor_open(NULL, plan, NULL, NULL, false);
	for (;;)
	{
		uint64		i;
		MemoryContext old;

		SPI_cursor_fetch(portal, true, FETCH_ROWS);
		if (SPI_processed == 0)
			break;
		old = MemoryContextSwitchTo(batch);
		for (i = 0; i < SPI_processed; i++)
		{
			bool		isnull;
			Datum		d = SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1, &isnull);

			/* a NULL document is no document: it can never match */
			if (!isnull)
				count_document(c, DatumGetTSVector(d));
		}
		MemoryContextSwitchTo(old);
		MemoryContextReset(batch);
		SPI_freetuptable(SPI_tuptable);
		CHECK_FOR_INTERRUPTS();
	}
	SPI_cursor_close(portal);
	SPI_finish();
}

/*
 * ar_bm25_analyze(tbl regclass, col name) returns bigint: (re)collect the
 * statistics of a tsvector column; returns the number of documents.
 */
Datum
ar_bm25_analyze(PG_FUNCTION_ARGS)
{
	Oid			relid = PG_GETARG_OID(0);
	const char *col = NameStr(*PG_GETARG_NAME(1));
	Oid			nsp = get_func_namespace(fcinfo->flinfo->fn_oid);
	AttrNumber	attnum;
	Collected	c = {0};
	Bm25Writer *w;
	lexcount_iterator it;
	LexCount   *e;

	/* it writes the statistics tables below SQL: refuse what SQL would */
	PreventCommandIfReadOnly("ar_bm25_analyze()");
	PreventCommandDuringRecovery("ar_bm25_analyze()");
	check_analyzable(relid);
	/* one analyze of a table at a time; reads and writes go on (as ANALYZE) */
	LockRelationOid(relid, ShareUpdateExclusiveLock);
	attnum = check_column(relid, col);

	c.cxt = AllocSetContextCreate(CurrentMemoryContext, "bm25 analyze",
								  ALLOCSET_DEFAULT_SIZES);
	collect(&c, relid, col);

	w = bm25_store_begin(nsp, relid, attnum);
	lexcount_start_iterate(c.lexemes, &it);
	while ((e = lexcount_iterate(c.lexemes, &it)) != NULL)
		bm25_store_lexeme(w, e->key.s, (int) e->key.len, e->df);
	bm25_store_finish(w, c.ndocs, c.total_length);
	ereport(DEBUG1,
			(errmsg_internal("ar_bm25_analyze: %lld documents, %u lexemes, %zu kB of memory for the counts",
							 (long long) c.ndocs, c.lexemes->members,
							 MemoryContextMemAllocated(c.cxt, true) / 1024)));
	MemoryContextDelete(c.cxt);
	PG_RETURN_INT64(c.ndocs);
}

/* ---------- rank ---------- */

typedef struct Bm25Term
{
	const char *lexeme;			/* in the cached query's operands */
	int			len;
	bool		prefix;
	uint8		weight;			/* tsquery weight mask, 0 = any */
	float8		idf;
} Bm25Term;

/* Per query (fn_extra): the column, its statistics, the last query's terms. */
typedef struct Bm25Cache
{
	Oid			nsp;			/* schema of the extension */
	Oid			relid;
	NameData	col;
	AttrNumber	attnum;
	Oid			userid;			/* whose right to read the column was checked */
	uint64		epoch;			/* bm25_store_epoch() when read */
	Bm25Column	stats;
	float8		avgdl;
	TSQuery		query;			/* copy of the last query, or NULL */
	Bm25Term   *terms;
	int			nterms;
} Bm25Cache;

/*
 * Okapi BM25's inverse document frequency in the form Lucene uses: never
 * negative, so a term in more than half of the documents still adds a
 * little.  A lexeme the statistics do not know (from a document added after
 * the last analyze) counts as in one document: too rare to have been seen.
 */
static float8
bm25_idf(int64 ndocs, int64 df)
{
	float8		n = ndocs < 1 ? 1 : (float8) ndocs;
	float8		d = df < 1 ? 1 : (float8) df;

	/* a prefix term's df is a sum over lexemes: no more than every document */
	if (d > n)
		d = n;

	return log(1.0 + (n - d + 0.5) / (d + 0.5));
}

static void
forget_query(Bm25Cache *c)
{
	if (c->query)
		pfree(c->query);
	if (c->terms)
		pfree(c->terms);
	c->query = NULL;
	c->terms = NULL;
	c->nterms = 0;
}

static void
read_column(Bm25Cache *c, Oid relid, const char *col)
{
	AttrNumber	attnum = check_column(relid, col);
	uint64		epoch = bm25_store_epoch();
	Bm25Column	stats;

	if (!bm25_store_read_column(c->nsp, relid, attnum, &stats))
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("column \"%s\" of relation \"%s\" has no BM25 statistics",
						col, get_rel_name(relid)),
				 errhint("Collect them with: SELECT ar_bm25_analyze(%s, %s);",
						 quote_literal_cstr(DatumGetCString(DirectFunctionCall1(regclassout,
																				ObjectIdGetDatum(relid)))),
						 quote_literal_cstr(col))));
	if (c->relid != relid || c->attnum != attnum ||
		c->stats.generation != stats.generation)
		forget_query(c);
	c->relid = relid;
	c->userid = GetUserId();
	namestrcpy(&c->col, col);
	c->attnum = attnum;
	c->epoch = epoch;
	c->stats = stats;
	c->avgdl = stats.ndocs > 0 ? (float8) stats.total_length / stats.ndocs : 0.0;
}

/* The positive terms of the query: operands not under an odd number of NOTs. */
static void
gather_terms(Bm25Cache *c, QueryItem *items, char *operands, int at, bool negated)
{
	QueryItem  *it = &items[at];

	check_stack_depth();
	if (it->type == QI_OPR)
	{
		if (it->qoperator.oper == OP_NOT)
			gather_terms(c, items, operands, at + 1, !negated);
		else
		{
			gather_terms(c, items, operands, at + 1, negated);
			gather_terms(c, items, operands, at + it->qoperator.left, negated);
		}
	}
	else if (it->type == QI_VAL && !negated)
	{
		QueryOperand *op = &it->qoperand;
		const char *lex = operands + op->distance;
		int			i;

		/* a term repeated in the query counts once */
		for (i = 0; i < c->nterms; i++)
			if (c->terms[i].len == op->length && c->terms[i].prefix == op->prefix &&
				c->terms[i].weight == op->weight &&
				memcmp(c->terms[i].lexeme, lex, op->length) == 0)
				return;
		c->terms[c->nterms].lexeme = lex;
		c->terms[c->nterms].len = op->length;
		c->terms[c->nterms].prefix = op->prefix;
		c->terms[c->nterms].weight = op->weight;
		c->nterms++;
	}
}

static void
read_query(Bm25Cache *c, TSQuery query, MemoryContext mcxt)
{
	Bm25Lookup *look;
	int			i;

	forget_query(c);
	c->query = MemoryContextAlloc(mcxt, VARSIZE(query));
	memcpy(c->query, query, VARSIZE(query));
	if (query->size == 0)
		return;					/* only stopwords: scores 0 */
	c->terms = MemoryContextAlloc(mcxt, sizeof(Bm25Term) * query->size);
	gather_terms(c, GETQUERY(c->query), GETOPERAND(c->query), 0, false);
	if (c->nterms == 0)
		return;
	look = palloc(sizeof(Bm25Lookup) * c->nterms);
	for (i = 0; i < c->nterms; i++)
	{
		look[i].lexeme = c->terms[i].lexeme;
		look[i].len = c->terms[i].len;
		look[i].prefix = c->terms[i].prefix;
	}
	bm25_store_lookup(c->nsp, c->relid, c->attnum, look, c->nterms);
	for (i = 0; i < c->nterms; i++)
		c->terms[i].idf = bm25_idf(c->stats.ndocs, look[i].df);
	pfree(look);
}

/* Positions of a lexeme with one of the weights asked for. */
static int
term_positions(TSVector doc, WordEntry *we, uint8 weight)
{
	WordEntryPos *pos;
	int			n = 0,
				i;

	if (!we->haspos)
		return 1;
	if (weight == 0)
		return POSDATALEN(doc, we);
	pos = POSDATAPTR(doc, we);
	for (i = 0; i < POSDATALEN(doc, we); i++)
		if (weight & (1 << WEP_GETWEIGHT(pos[i])))
			n++;
	return n;
}

/*
 * Compare lexeme a with lexeme b in tsvector order (bytes, then length); with
 * prefix, 0 whenever a starts b.  Inline: it runs a few times per row.
 */
static inline int
lexeme_cmp(const char *a, int alen, const char *b, int blen, bool prefix)
{
	int			n = Min(alen, blen),
				i;

	for (i = 0; i < n; i++)
		if (a[i] != b[i])
			return (unsigned char) a[i] < (unsigned char) b[i] ? -1 : 1;
	if (prefix && alen <= blen)
		return 0;
	return (alen > blen) - (alen < blen);
}

/* Term frequency of t in doc (summed over the lexemes a prefix term starts). */
static int
term_frequency(TSVector doc, const Bm25Term *t)
{
	WordEntry  *we = ARRPTR(doc);
	char	   *str = STRPTR(doc);
	int			lo = 0,
				hi = doc->size,
				tf = 0;

	/* lexemes are sorted: find the first one not below the term */
	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (lexeme_cmp(str + we[mid].pos, we[mid].len, t->lexeme, t->len, false) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < doc->size; lo++)
	{
		if (lexeme_cmp(t->lexeme, t->len, str + we[lo].pos, we[lo].len, t->prefix) != 0)
			break;
		tf += term_positions(doc, &we[lo], t->weight);
		if (!t->prefix)
			break;
	}
	return tf;
}

static float8
score(const Bm25Cache *c, TSVector doc, float8 k1, float8 b)
{
	float8		norm,
				s = 0.0;
	int			i;

	if (c->nterms == 0 || doc->size == 0)
		return 0.0;
	norm = 1.0 - b;
	/* an empty collection has no mean length: take the document's own */
	norm += b * (c->avgdl > 0 ? document_length(doc) / c->avgdl : 1.0);
	norm *= k1;
	for (i = 0; i < c->nterms; i++)
	{
		int			tf = term_frequency(doc, &c->terms[i]);

		if (tf > 0)
			s += c->terms[i].idf * tf * (k1 + 1.0) / (tf + norm);
	}
	return s;
}

/*
 * ar_bm25_rank(tbl regclass, col name, doc tsvector, query tsquery
 *				[, k1 float4, b float4]) returns float4
 */
Datum
ar_bm25_rank(PG_FUNCTION_ARGS)
{
	Oid			relid = PG_GETARG_OID(0);
	Name		col = PG_GETARG_NAME(1);
	TSVector	doc = PG_GETARG_TSVECTOR(2);
	TSQuery		query = PG_GETARG_TSQUERY(3);
	Bm25Cache  *c = (Bm25Cache *) fcinfo->flinfo->fn_extra;
	float8		k1 = bm25_k1,
				b = bm25_b,
				s;

	if (PG_NARGS() >= 6)
	{
		k1 = PG_GETARG_FLOAT4(4);
		b = PG_GETARG_FLOAT4(5);
		if (!(k1 >= 0.0 && k1 <= 1000.0) || !(b >= 0.0 && b <= 1.0))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("BM25 parameters out of range: k1 = %g, b = %g", k1, b),
					 errhint("k1 goes from 0 to 1000 (usually 1.2), b from 0 to 1 (usually 0.75).")));
	}
	if (c == NULL)
	{
		c = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(Bm25Cache));
		c->nsp = get_func_namespace(fcinfo->flinfo->fn_oid);
		fcinfo->flinfo->fn_extra = c;
	}
	/*
	 * The statistics: once per query, again if an analyze committed or the
	 * role changed (PL/pgSQL keeps fn_extra across statements, SET ROLE
	 * included).
	 */
	if (c->relid != relid || c->epoch != bm25_store_epoch() ||
		c->userid != GetUserId() ||
		strncmp(NameStr(c->col), NameStr(*col), NAMEDATALEN) != 0)
		read_column(c, relid, NameStr(*col));
	if (c->query == NULL || VARSIZE(c->query) != VARSIZE(query) ||
		memcmp(c->query, query, VARSIZE(query)) != 0)
		read_query(c, query, fcinfo->flinfo->fn_mcxt);
	s = score(c, doc, k1, b);
	PG_FREE_IF_COPY(doc, 2);
	PG_RETURN_FLOAT4((float4) s);
}
