/*
 * pg_parser.c
 *	  Text search parser ar_parser over the core tokenizer.
 *
 * Tokens are classified by code point, so ts_debug gives the same answer in
 * every locale.  In WIN1256/ISO_8859_6 databases the input is recoded to UTF-8
 * once; both are single-byte encodings, so a character index in the UTF-8 copy
 * is a byte offset in the original, which is what gettoken must return.
 */
#include "postgres.h"

#include "fmgr.h"
#include "tsearch/ts_public.h"

#include "ar_tokenize.h"
#include "ar_utf8.h"
#include "pg_arabic.h"

PG_FUNCTION_INFO_V1(ar_parser_start);
PG_FUNCTION_INFO_V1(ar_parser_gettoken);
PG_FUNCTION_INFO_V1(ar_parser_end);
PG_FUNCTION_INFO_V1(ar_parser_lextype);

typedef struct
{
	ar_tokenizer tok;
	char	   *orig;			/* input as given (database encoding) */
	bool		recoded;		/* tok runs over a UTF-8 copy */
	size_t		charpos;		/* when recoded: characters consumed so far */
} ParserState;

Datum
ar_parser_start(PG_FUNCTION_ARGS)
{
	ParserState *st = palloc0(sizeof(ParserState));
	char	   *in = (char *) PG_GETARG_POINTER(0);
	int			len = PG_GETARG_INT32(1);
	int			ulen;
	char	   *u = pg_arabic_to_utf8(in, len, &ulen);

	st->orig = in;
	st->recoded = (u != in);
	ar_tok_init(&st->tok, u, (size_t) ulen);
	PG_RETURN_POINTER(st);
}

Datum
ar_parser_gettoken(PG_FUNCTION_ARGS)
{
	ParserState *st = (ParserState *) PG_GETARG_POINTER(0);
	char	  **t = (char **) PG_GETARG_POINTER(1);
	int		   *tlen = (int *) PG_GETARG_POINTER(2);
	ar_token	k;
	ar_toktype	type = ar_tok_next(&st->tok, &k);

	if (type == AR_T_END)
		PG_RETURN_INT32(0);
	if (!st->recoded)
	{
		*t = (char *) st->tok.s + k.start;
		*tlen = (int) k.len;
	}
	else
	{
		size_t		nchars = ar_utf8_count(st->tok.s + k.start, k.len);

		*t = st->orig + st->charpos;
		*tlen = (int) nchars;
		st->charpos += nchars;
	}
	PG_RETURN_INT32((int32) type);
}

Datum
ar_parser_end(PG_FUNCTION_ARGS)
{
	ParserState *st = (ParserState *) PG_GETARG_POINTER(0);

	if (st->recoded)
		pfree((char *) st->tok.s);
	pfree(st);
	PG_RETURN_VOID();
}

Datum
ar_parser_lextype(PG_FUNCTION_ARGS)
{
	LexDescr   *d = palloc(sizeof(LexDescr) * (AR_T_MAXID + 1));
	int			i,
				n = 0;

	for (i = 1; i <= AR_T_MAXID; i++)
	{
		if (ar_tok_name(i) == NULL)
			continue;
		d[n].lexid = i;
		d[n].alias = pstrdup(ar_tok_name(i));
		d[n].descr = pstrdup(ar_tok_description(i));
		n++;
	}
	d[n].lexid = 0;
	PG_RETURN_POINTER(d);
}
