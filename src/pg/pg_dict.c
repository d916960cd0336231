/*
 * pg_dict.c
 *	  Text search dictionary template ar_stem: normalize, drop stopwords, stem.
 *
 * Options: StopWords (file base name in $SHAREDIR/tsearch_data, .stop),
 * Mode (light | root | none), Normalize (a profile or a rule list).  All
 * options are parsed and validated before the stopword file is read, and the
 * stopwords are normalized with the dictionary's own rules and lowercased, as
 * tokens are, so a list written with hamza matches text written without it,
 * "the" matches "The" (and duplicates collapse).
 */
#include "postgres.h"

#include "commands/defrem.h"
#include "fmgr.h"
#include "tsearch/ts_locale.h"
#include "tsearch/ts_public.h"
#include "tsearch/ts_utils.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "ar_chars.h"
#include "ar_normalize.h"
#include "ar_stem.h"
#include "ar_utf8.h"
#include "pg_arabic.h"

PG_FUNCTION_INFO_V1(ar_stem_init);
PG_FUNCTION_INFO_V1(ar_stem_lexize);
PG_FUNCTION_INFO_V1(ar_stem_word);
PG_FUNCTION_INFO_V1(ar_root_word);

typedef struct
{
	uint32		rules;
	ar_stem_mode mode;
	int			nstop;
	char	  **stop;			/* sorted, normalized UTF-8 */
	uint32		hmask;			/* stopword hash: open addressing, */
	char	  **htab;			/* hmask + 1 slots, NULL when empty */
} ArStemDict;

/*
 * The stoplist is probed once or twice per token, so its hash reads only
 * the length and the two bytes at each end (every word's last byte and an
 * Arabic letter's distinctive byte), in constant time.
 */
static inline uint32
hash_word_ends(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *) s;
	uint32		h = (uint32) len * 0x9E3779B1u;

	if (len == 0)
		return h;
	h = (h ^ u[0]) * 0x85EBCA77u;
	h = (h ^ u[len > 1 ? 1 : 0]) * 0xC2B2AE3Du;
	h = (h ^ u[len > 1 ? len - 2 : 0]) * 0x27D4EB2Fu;
	h = (h ^ u[len - 1]) * 0x165667B1u;
	return h ^ (h >> 16);
}

static void
build_stop_hash(ArStemDict *d)
{
	uint32		size = 16;
	int			i;

	while (size < (uint32) d->nstop * 3)
		size <<= 1;
	d->hmask = size - 1;
	d->htab = palloc0(sizeof(char *) * size);
	for (i = 0; i < d->nstop; i++)
	{
		uint32		h = hash_word_ends(d->stop[i], strlen(d->stop[i])) & d->hmask;

		while (d->htab[h] != NULL)
			h = (h + 1) & d->hmask;
		d->htab[h] = d->stop[i];
	}
}

static bool
is_stopword(const ArStemDict *d, const char *w, size_t len)
{
	uint32		h;

	if (d->nstop == 0)
		return false;
	h = hash_word_ends(w, len) & d->hmask;
	while (d->htab[h] != NULL)
	{
		/* the first byte turns most other stopwords away without a call */
		if (d->htab[h][0] == w[0] &&
			strncmp(d->htab[h], w, len) == 0 && d->htab[h][len] == '\0')
			return true;
		h = (h + 1) & d->hmask;
	}
	return false;
}

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/*
 * Normalize UTF-8 s[0..len-1] with rules into a palloc'd NUL-terminated
 * string; *outlen gets its length.
 */
static char *
normalize_utf8(const char *s, size_t len, uint32 rules, size_t *outlen)
{
	char	   *buf = palloc(pg_arabic_normalize_capacity(s, len, rules));

	*outlen = ar_normalize(s, len, rules, buf);
	buf[*outlen] = '\0';
	return buf;
}

/* Lowercase UTF-8 s[0..len] into a palloc'd NUL-terminated string. */
static char *
lower_utf8(const char *s, size_t len, size_t *outlen)
{
	size_t		cap = ar_normalize_lower_bound(len);
	char	   *buf;

	if (cap >= MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("token of %zu bytes is too long to lowercase", len)));
	buf = palloc(cap + 1);
	*outlen = ar_normalize_lower(s, len, buf);
	buf[*outlen] = '\0';
	return buf;
}

static void
read_stopwords(ArStemDict *d, const char *name)
{
	char	   *path = get_tsearch_config_filename(name, "stop");
	tsearch_readline_state trst;
	char	   *line;
	int			cap = 64,
				n = 0,
				i,
				j;

	if (!tsearch_readline_begin(&trst, path))
		ereport(ERROR,
				(errcode(ERRCODE_CONFIG_FILE_ERROR),
				 errmsg("could not open stop-word file \"%s.stop\": %m", name),
				 errhint("StopWords names a file NAME.stop in the tsearch_data directory of the installation (pg_config --sharedir).")));
	d->stop = palloc(sizeof(char *) * cap);
	while ((line = tsearch_readline(&trst)) != NULL)
	{
		char	   *p = line,
				   *e;
		int			ulen;
		char	   *u;
		size_t		nlen;

		/* a line holds one word; blanks around it and # comments are ignored */
		while (*p == ' ' || *p == '\t')
			p++;
		e = p + strcspn(p, "#\r\n");
		while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
		if (e > p)
		{
			u = pg_arabic_to_utf8(p, (int) (e - p), &ulen);
			if (n == cap)
			{
				cap *= 2;
				d->stop = repalloc(d->stop, sizeof(char *) * cap);
			}
			u = normalize_utf8(u, (size_t) ulen, d->rules, &nlen);
			d->stop[n] = lower_utf8(u, nlen, &nlen);
			if (nlen > 0)
				n++;
		}
		pfree(line);
	}
	tsearch_readline_end(&trst);
	pfree(path);

	qsort(d->stop, n, sizeof(char *), cmpstr);
	for (i = 0, j = 0; i < n; i++)
		if (j == 0 || strcmp(d->stop[j - 1], d->stop[i]) != 0)
			d->stop[j++] = d->stop[i];
	d->nstop = j;
	build_stop_hash(d);
}

Datum
ar_stem_init(PG_FUNCTION_ARGS)
{
	List	   *options = (List *) PG_GETARG_POINTER(0);
	ArStemDict *d = palloc0(sizeof(ArStemDict));
	char	   *stopname = NULL;
	bool		mode_seen = false,
				norm_seen = false;
	ListCell   *l;

	d->rules = AR_N_PROFILE_SEARCH;
	d->mode = AR_STEM_LIGHT;

	/* we can't read the stopwords before all options are known */
	foreach(l, options)
	{
		DefElem    *def = (DefElem *) lfirst(l);
		char	   *val = defGetString(def);

		if (pg_strcasecmp(def->defname, "stopwords") == 0)
		{
			if (stopname)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("multiple %s parameters", "StopWords"),
						 errhint("Give each option at most once.")));
			stopname = pstrdup(val);
		}
		else if (pg_strcasecmp(def->defname, "mode") == 0)
		{
			if (mode_seen)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("multiple %s parameters", "Mode"),
						 errhint("Give each option at most once.")));
			mode_seen = true;
			if (pg_strcasecmp(val, "light") == 0)
				d->mode = AR_STEM_LIGHT;
			else if (pg_strcasecmp(val, "root") == 0)
				d->mode = AR_STEM_ROOT;
			else if (pg_strcasecmp(val, "none") == 0)
				d->mode = AR_STEM_NONE;
			else
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("invalid value for ar_stem parameter Mode: \"%s\"", val),
						 errhint("Valid values are light, root and none.")));
		}
		else if (pg_strcasecmp(def->defname, "normalize") == 0)
		{
			if (norm_seen)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("multiple %s parameters", "Normalize"),
						 errhint("Give each option at most once.")));
			norm_seen = true;
			d->rules = pg_arabic_parse_rules(val, "Normalize");
		}
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unrecognized ar_stem parameter: \"%s\"", def->defname),
					 errhint("Valid parameters are StopWords, Mode and Normalize.")));
	}

	if (stopname)
		read_stopwords(d, stopname);
	PG_RETURN_POINTER(d);
}

/* Is every code point of s an Arabic letter?  Only those are stemmed. */
static bool
all_arabic_letters(const char *s, size_t len)
{
	size_t		i = 0;

	while (i < len)
	{
		const unsigned char *u = (const unsigned char *) s + i;
		int			nb;
		uint32_t	cp;

		/* U+0600..U+067F, the letters of nearly every Arabic word, inline */
		if ((u[0] & 0xFE) == 0xD8 && i + 1 < len && (u[1] & 0xC0) == 0x80)
		{
			cp = ((uint32_t) (u[0] & 0x1F) << 6) | (u[1] & 0x3F);
			nb = 2;
		}
		else
			cp = ar_utf8_decode(u, len - i, &nb);
		if (ar_char_class(cp) != AR_C_ALETTER)
			return false;
		i += nb;
	}
	return len > 0;
}

/*
 * The lexeme of one token, in UTF-8: normalized, then stemmed when it is an
 * Arabic word, lowercased otherwise.  NULL when it is a stopword or empty.
 * Stopwords are matched after lowercasing ("The" is "the"); Arabic letters
 * have no case, so Arabic words skip that pass.
 */
static char *
lexeme_utf8(const ArStemDict *d, const char *in, size_t len, size_t *outlen)
{
	size_t		nlen;
	char	   *norm = normalize_utf8(in, len, d->rules, &nlen);
	bool		stem;
	char	   *out;

	if (nlen == 0)
		return NULL;
	stem = nlen <= AR_STEM_MAX_BYTES && d->mode != AR_STEM_NONE &&
		all_arabic_letters(norm, nlen);
	if (!stem)
	{
		/* surely not a word to stem: pass through, lowercased */
		char	   *low = lower_utf8(norm, nlen, &nlen);

		pfree(norm);
		norm = low;
	}
	if (is_stopword(d, norm, nlen))
		return NULL;
	/*
	 * a function word after the conjunction و or ف is still one (وكان,
	 * فإن), unless the whole is a word of its own (فهم, فقد, وهم, وكل)
	 */
	if (nlen > 2 && ((unsigned char) norm[0] == 0xD9 &&
					 ((unsigned char) norm[1] == 0x88 || (unsigned char) norm[1] == 0x81)) &&
		is_stopword(d, norm + 2, nlen - 2) && !ar_stem_native_utf8(norm, nlen))
		return NULL;
	if (!stem)
	{
		*outlen = nlen;
		return norm;
	}
	/* the hints see what normalization erases: أل is no article */
	out = palloc(nlen + 2 * AR_STEM_GROWTH + 1);
	*outlen = ar_stem_utf8_hinted(norm, nlen, out, d->mode,
								  ar_stem_hints(in, len));
	out[*outlen] = '\0';
	pfree(norm);
	return out;
}

Datum
ar_stem_lexize(PG_FUNCTION_ARGS)
{
	ArStemDict *d = (ArStemDict *) PG_GETARG_POINTER(0);
	char	   *in = (char *) PG_GETARG_POINTER(1);
	int32		len = PG_GETARG_INT32(2);
	TSLexeme   *res = palloc0(sizeof(TSLexeme) * 2);
	int			ulen;
	char	   *u = pg_arabic_to_utf8(in, len, &ulen);
	size_t		llen;
	char	   *lex = lexeme_utf8(d, u, (size_t) ulen, &llen);

	/* an empty array tells the parser "recognized, but a stopword" */
	if (lex != NULL)
	{
		int			blen;
		char	   *back = pg_arabic_from_utf8(lex, (int) llen, &blen);

		res[0].lexeme = (back == lex) ? lex : pnstrdup(back, blen);
	}
	PG_RETURN_POINTER(res);
}

static Datum
stem_text(text *t, ar_stem_mode mode)
{
	ArStemDict	d = {AR_N_PROFILE_SEARCH, mode, 0, NULL, 0, NULL};
	int			ulen,
				blen;
	char	   *u = pg_arabic_to_utf8(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &ulen);
	size_t		llen;
	char	   *lex = lexeme_utf8(&d, u, (size_t) ulen, &llen);
	char	   *back;

	if (lex == NULL)
		return PointerGetDatum(cstring_to_text(""));
	back = pg_arabic_from_utf8(lex, (int) llen, &blen);
	return PointerGetDatum(cstring_to_text_with_len(back, blen));
}

Datum
ar_stem_word(PG_FUNCTION_ARGS)
{
	return stem_text(PG_GETARG_TEXT_PP(0), AR_STEM_LIGHT);
}

Datum
ar_root_word(PG_FUNCTION_ARGS)
{
	return stem_text(PG_GETARG_TEXT_PP(0), AR_STEM_ROOT);
}
