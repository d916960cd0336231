/*
 * ar_tokenize.h
 *	  Locale-independent tokenizer shared by the text search parser and the
 *	  entity engine.
 *
 * Every input byte belongs to exactly one token; classification is by code
 * point (ar_chars.h).  The tokenizer keeps no state beyond the cursor and
 * whether it is inside a run cut at AR_TOK_MAX_BYTES.
 */
#ifndef AR_TOKENIZE_H
#define AR_TOKENIZE_H

#include <stddef.h>
#include <stdint.h>

/*
 * Token types.  The numbers are the parser's token ids seen by ALTER MAPPING
 * and ts_debug; word and blank share their ids with PostgreSQL's default
 * parser (2 and 12) so that pg_catalog.prsd_headline treats them right.
 */
typedef enum ar_toktype
{
	AR_T_END = 0,
	AR_T_ARABIC = 1,			/* Arabic letters, internal marks/tatweel/ZWNJ */
	AR_T_WORD = 2,				/* letters of other scripts (Latin...) */
	AR_T_NUMWORD = 3,			/* letters mixed with digits */
	AR_T_EMAIL = 4,
	AR_T_URL = 6,
	AR_T_NUMBER = 9,			/* digits with ٫ ٬ . , separators inside */
	AR_T_HASHTAG = 10,
	AR_T_MENTION = 11,
	AR_T_BLANK = 12				/* spaces, punctuation, symbols, anything else */
} ar_toktype;

#define AR_T_MAXID 12

typedef struct ar_token
{
	ar_toktype	type;
	size_t		start;			/* byte offset in the input */
	size_t		len;			/* byte length */
} ar_token;

/*
 * Longest token in bytes.  A longer run of one kind (a 50-million-letter
 * "word") is returned in pieces, so that a caller gets control back, and can
 * be cancelled, every AR_TOK_MAX_BYTES bytes: the run's first
 * AR_TOK_MAX_BYTES bytes (cut at a character boundary) are a token of its
 * type, the rest follows as blank tokens of at most as many bytes.  A piece
 * of that size is over PostgreSQL's limit for a lexeme (2047 bytes), so
 * to_tsvector gives the same lexemes as for the whole word (none, and one
 * "word is too long" notice); every input byte still belongs to exactly one
 * token.  Smaller tokens (blanks, URLs) are cut the same way, without the
 * blank continuation.
 */
#define AR_TOK_MAX_BYTES	((size_t) 16384)

typedef struct ar_tokenizer
{
	const char *s;
	size_t		len;
	size_t		pos;
	int			cont;			/* ar_toktype of a run cut at
								 * AR_TOK_MAX_BYTES, else AR_T_END */
} ar_tokenizer;

void		ar_tok_init(ar_tokenizer *t, const char *s, size_t len);

/* Next token into *tok; returns its type, AR_T_END (0) at the end. */
ar_toktype	ar_tok_next(ar_tokenizer *t, ar_token *tok);

/* Name and description of a token type, NULL for an unused id. */
const char *ar_tok_name(int type);
const char *ar_tok_description(int type);

#endif							/* AR_TOKENIZE_H */
