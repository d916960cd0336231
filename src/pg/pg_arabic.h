/*
 * pg_arabic.h
 *	  Declarations shared by the PostgreSQL glue files (src/pg/).
 */
#ifndef PG_ARABIC_H
#define PG_ARABIC_H

#include "postgres.h"

#include "ar_gazetteer.h"

/*
 * The core works on UTF-8.  In a WIN1256 or ISO_8859_6 database these convert
 * at the boundary; in a UTF8 database they return the input pointer itself.
 * Any other encoding is rejected with a clear error.
 */
extern void pg_arabic_check_encoding(void);
extern char *pg_arabic_to_utf8(const char *s, int len, int *outlen);
extern char *pg_arabic_from_utf8(const char *s, int len, int *outlen);
extern bool pg_arabic_db_is_utf8(void);

/*
 * A rules value (a profile or a comma list, in the database encoding) as
 * rule bits, or the documented error; option is the dictionary option it
 * came from, NULL for ar_normalize (pg_normalize.c).
 */
extern uint32 pg_arabic_parse_rules(const char *spec, const char *option);

/* Bytes to allocate for normalizing UTF-8 s[0..len-1], or an error. */
extern size_t pg_arabic_normalize_capacity(const char *s, size_t len, uint32 rules);

/*
 * The compiled gazetteer for the caller: shipped rows plus the rows of table
 * ar_gazetteer in schema nsp it may see (pg_gazetteer.c).
 */
extern ar_gaz *pg_arabic_gazetteer(Oid nsp);

/* GUC pg_arabic.entity_model: use the learned tagger (pg_arabic.c). */
extern bool pg_arabic_entity_model;

#endif							/* PG_ARABIC_H */
