/*
 * pg_normalize.c
 *	  SQL functions ar_normalize(text) and ar_normalize(text, rules), and the
 *	  parsing of a rules value shared with the ar_stem dictionary template.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "ar_normalize.h"
#include "pg_arabic.h"

PG_FUNCTION_INFO_V1(ar_normalize_default);
PG_FUNCTION_INFO_V1(ar_normalize_rules);

/*
 * Parse a rules value (a NUL-terminated string in the database encoding), or
 * raise the documented error.  option names the dictionary option the value
 * came from, NULL for ar_normalize's argument.  The unknown name is quoted
 * whole or cut at a character boundary, in the database encoding, so that
 * the message is always valid text in any client encoding it converts to.
 */
uint32
pg_arabic_parse_rules(const char *spec, const char *option)
{
	int			ulen,
				blen;
	char	   *u = pg_arabic_to_utf8(spec, (int) strlen(spec), &ulen);
	char		bad[NAMEDATALEN];
	char	   *badname;
	uint32_t	rules;

	if (ar_normalize_parse_rules(u, &rules, bad, sizeof(bad)) == 0)
		return rules;
	badname = pg_arabic_from_utf8(bad, (int) strlen(bad), &blen);
	if (option == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unrecognized normalization rule \"%s\"", badname),
				 errdetail("Valid profiles are: %s. Valid rules are: %s.",
						   ar_normalize_profile_names(), ar_normalize_rule_names()),
				 errhint("Give a profile name or a comma-separated list of rule names.")));
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid value for ar_stem parameter %s: unrecognized rule \"%s\"",
					option, badname),
			 errdetail("Valid profiles are: %s. Valid rules are: %s.",
					   ar_normalize_profile_names(), ar_normalize_rule_names()),
			 errhint("Give a profile name or a comma-separated list of rule names.")));
	return 0;					/* not reached */
}

/*
 * Capacity for ar_normalize of UTF-8 s[0..len-1] under rules, plus one byte
 * for a terminator; an error when the result could not be a text value.
 */
size_t
pg_arabic_normalize_capacity(const char *s, size_t len, uint32 rules)
{
	size_t		bound = ar_normalize_bound(s, len, rules);

	if (bound >= MaxAllocSize - VARHDRSZ)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("normalized text would exceed the maximum size of a text value"),
				 errdetail("The input of %zu bytes could grow to %zu bytes: presentation forms expand.",
						   len, bound),
				 errhint("Remove the \"presentation\" rule or split the input.")));
	return bound + 1;
}

static text *
normalize_text(text *in, uint32 rules)
{
	int			len;
	char	   *src = pg_arabic_to_utf8(VARDATA_ANY(in), VARSIZE_ANY_EXHDR(in), &len);
	size_t		cap = pg_arabic_normalize_capacity(src, (size_t) len, rules);
	text	   *out;
	size_t		n;

	/* the one output allocation, sized by what presentation forms add */
	out = (text *) palloc(cap + VARHDRSZ);
	n = ar_normalize(src, (size_t) len, rules, VARDATA(out));
	SET_VARSIZE(out, n + VARHDRSZ);

	if (!pg_arabic_db_is_utf8())
	{
		int			olen;
		char	   *back = pg_arabic_from_utf8(VARDATA(out), (int) n, &olen);

		return cstring_to_text_with_len(back, olen);
	}
	return out;
}

Datum
ar_normalize_default(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(normalize_text(PG_GETARG_TEXT_PP(0), AR_N_PROFILE_SEARCH));
}

/*
 * The parsed rules of the last rules value seen at this call site, keyed by
 * that value: the argument is usually a constant, but it may vary between
 * calls of one fn_extra (a PL/pgSQL variable, a column).
 */
typedef struct
{
	uint32		rules;
	int			len;			/* bytes of spec */
	int			cap;			/* room in spec */
	char		spec[FLEXIBLE_ARRAY_MEMBER];
} RulesCache;

Datum
ar_normalize_rules(PG_FUNCTION_ARGS)
{
	text	   *spec = PG_GETARG_TEXT_PP(1);
	const char *sp = VARDATA_ANY(spec);
	int			slen = VARSIZE_ANY_EXHDR(spec);
	RulesCache *c = (RulesCache *) fcinfo->flinfo->fn_extra;

	if (c == NULL || c->len != slen || memcmp(c->spec, sp, slen) != 0)
	{
		char	   *s = text_to_cstring(spec);
		uint32		rules = pg_arabic_parse_rules(s, NULL);

		pfree(s);
		/* keep short values only: a huge one is parsed on every call */
		if (slen <= 1024)
		{
			if (c == NULL || c->cap < slen)
			{
				if (c != NULL)
					pfree(c);
				c = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt,
									   offsetof(RulesCache, spec) + Max(slen, 64));
				c->cap = Max(slen, 64);
				fcinfo->flinfo->fn_extra = c;
			}
			c->rules = rules;
			c->len = slen;
			memcpy(c->spec, sp, slen);
		}
		PG_RETURN_TEXT_P(normalize_text(PG_GETARG_TEXT_PP(0), rules));
	}
	PG_RETURN_TEXT_P(normalize_text(PG_GETARG_TEXT_PP(0), c->rules));
}
