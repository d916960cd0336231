/*
 * pg_bm25.h
 *	  BM25 ranking: the statistics store shared by ar_bm25_analyze() and
 *	  ar_bm25_rank() (pg_bm25_store.c) and the scoring functions (pg_bm25.c).
 */
#ifndef PG_BM25_H
#define PG_BM25_H

#include "postgres.h"

#include "access/attnum.h"

/* One analyzed column: a row of table ar_bm25_columns. */
typedef struct Bm25Column
{
	int64		generation;		/* new value at every analyze */
	int64		ndocs;			/* documents (non-NULL tsvectors) */
	int64		total_length;	/* sum of document lengths */
} Bm25Column;

/* One query term whose document frequency is looked up. */
typedef struct Bm25Lookup
{
	const char *lexeme;
	int			len;
	bool		prefix;			/* every lexeme starting with it */
	int64		df;				/* out: documents containing it, 0 if unknown */
} Bm25Lookup;

typedef struct Bm25Writer Bm25Writer;

/*
 * Bumped in this backend whenever any session commits new statistics (and at
 * once by this backend's own analyze): cached statistics older than the
 * current value are re-read.
 */
extern uint64 bm25_store_epoch(void);

/* Read the statistics of (relid, attnum) of the extension in schema nsp. */
extern bool bm25_store_read_column(Oid nsp, Oid relid, AttrNumber attnum,
								   Bm25Column *out);
extern void bm25_store_lookup(Oid nsp, Oid relid, AttrNumber attnum,
							  Bm25Lookup *terms, int nterms);

/* Replace the statistics of (relid, attnum): begin, one call per lexeme, finish. */
extern Bm25Writer *bm25_store_begin(Oid nsp, Oid relid, AttrNumber attnum);
extern void bm25_store_lexeme(Bm25Writer *w, const char *lexeme, int len, int64 df);
extern void bm25_store_finish(Bm25Writer *w, int64 ndocs, int64 total_length);

/* GUCs pg_arabic.bm25_k1 and pg_arabic.bm25_b (pg_bm25.c). */
extern void pg_arabic_bm25_define_gucs(void);

#endif							/* PG_BM25_H */
