/*
 * pg_normalize.c
 *	  SQL functions ar_normalize(text) and ar_normalize(text, rules).
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "ar_normalize.h"
#include "pg_arabic.h"

PG_FUNCTION_INFO_V1(ar_normalize_default);
PG_FUNCTION_INFO_V1(ar_normalize_rules);

/* Parse a rules argument, or raise the documented error. */
static uint32
parse_rules(text *spec)
{
	char	   *s = text_to_cstring(spec);
	char		bad[NAMEDATALEN];
	uint32_t	rules;

	if (ar_normalize_parse_rules(s, &rules, bad, sizeof(bad)) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unrecognized normalization rule \"%s\"", bad),
				 errdetail("Valid profiles are: %s. Valid rules are: %s.",
						   ar_normalize_profile_names(), ar_normalize_rule_names()),
				 errhint("Give a profile name or a comma-separated list of rule names.")));
	pfree(s);
	return rules;
}

static text *
normalize_text(text *in, uint32 rules)
{
	int			len;
	char	   *src = pg_arabic_to_utf8(VARDATA_ANY(in), VARSIZE_ANY_EXHDR(in), &len);
	size_t		bound = ar_normalize_bound(src, (size_t) len, rules);
	text	   *out;
	size_t		n;

	if (bound > MaxAllocSize - VARHDRSZ)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("normalized text would exceed the maximum size of a text value"),
				 errhint("Remove the \"presentation\" rule or split the input.")));
	/* the one output allocation: the bound is exact unless forms expand */
	out = (text *) palloc(bound + VARHDRSZ);
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

Datum
ar_normalize_rules(PG_FUNCTION_ARGS)
{
	uint32		rules;

	/* the rules argument is usually a constant: parse it once per call site */
	if (fcinfo->flinfo->fn_extra == NULL ||
		!(get_fn_expr_arg_stable(fcinfo->flinfo, 1)))
	{
		rules = parse_rules(PG_GETARG_TEXT_PP(1));
		if (get_fn_expr_arg_stable(fcinfo->flinfo, 1))
		{
			uint32	   *cache = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(uint32));

			*cache = rules;
			fcinfo->flinfo->fn_extra = cache;
		}
	}
	else
		rules = *(uint32 *) fcinfo->flinfo->fn_extra;
	PG_RETURN_TEXT_P(normalize_text(PG_GETARG_TEXT_PP(0), rules));
}
