/*
 * ar_edoc.h
 *	  Internal token window shared by the entity engine and the date/number
 *	  recognizers: each word token with its normalized key and lexicon records.
 *
 * The engine tokenizes into a bounded window (AR_EDOC_WINDOW tokens), runs
 * the recognizers on the first tokens while at least AR_EDOC_LOOKAHEAD
 * follow, then slides; so memory does not grow with the input.
 */
#ifndef AR_EDOC_H
#define AR_EDOC_H

#include <stddef.h>
#include <stdint.h>

#include "ar_gazetteer.h"
#include "ar_tokenize.h"

/* Letters of normalized keys, by name (UTF-8). */
#define AR_ALEF		"\xd8\xa7"	/* ا */
#define AR_LAM		"\xd9\x84"	/* ل */
#define AR_BEH		"\xd8\xa8"	/* ب */
#define AR_WAW		"\xd9\x88"	/* و */
#define AR_YEH		"\xd9\x8a"	/* ي */
#define AR_ALEF_LAM	"\xd8\xa7\xd9\x84"	/* ال */

#define AR_EDOC_WINDOW		512
#define AR_EDOC_LOOKAHEAD	40

typedef struct ar_etok
{
	size_t		start;			/* source bytes of the token */
	size_t		len;
	size_t		gap;			/* source offset where the blank before it starts */
	size_t		key_off;		/* normalized key in ar_edoc.keys */
	size_t		key_len;
	size_t		skey_off;		/* key without proclitics (for لل, with ال) */
	size_t		skey_len;
	uint32_t	cl_src;			/* bytes of the proclitic prefix in the source */
	const ar_gaz_rec *rf;		/* record of the whole key */
	const ar_gaz_rec *rs;		/* record of the key without proclitics */
	const ar_gaz_rec *lx;		/* the one of rf/rs that holds lexicon bits */
	const ar_gaz_rec *nm;		/* the one of rf/rs that holds a name row */
	uint32_t	wflags;			/* lexicon bits of the word (rf, else rs) */
	uint64_t	hk;				/* model mode: ar_ner_hash of the key, */
	uint64_t	hs;				/* of the key without proclitics, */
	uint64_t	hx2;			/* of its last two code points */
	uint64_t	cl;				/* model mode: word clusters (ar_ner_clusters_get) */
	ar_toktype	type;
	uint8_t		punct;			/* punctuation in the blank before the token */
	uint8_t		upper;			/* Latin word in capitals (acronym) */
	uint8_t		article;		/* key (after proclitics) starts with ال */
	uint8_t		rtag;			/* the rules' tag of the token (model mode) */
	uint8_t		real_cl;		/* the proclitic is one in this word (ar_rules_clitic) */
	uint8_t		ctag;			/* its gazetteer cover tag (ar_tagger.h) */
} ar_etok;

typedef struct ar_edoc
{
	const char *s;
	size_t		len;
	const ar_gaz *g;
	ar_etok    *t;				/* window of word tokens */
	size_t		n;
	int			eof;			/* no token after t[n-1] */
	char	   *keys;
	size_t		keys_len;
	size_t		keys_cap;
} ar_edoc;

/* A recognized entity before emission. */
typedef struct ar_match
{
	int			type;			/* ar_etype */
	size_t		first;			/* token range [first, last) */
	size_t		last;
	size_t		start;			/* byte span in the source */
	size_t		end;
	const char *norm;
	size_t		norm_len;
	int			strong;			/* a gazetteer name: 2 for a user's row (kept
								 * as is in model mode), 1 for a shipped one
								 * (emitted if the tagger leaves it out) */
	char		buf[128];		/* storage for a short norm */
} ar_match;

/*
 * Source bytes of the proclitic that a span starting at t leaves out: the
 * stemmer's split when the rules find the rest a word (ar_rules_clitic).
 */
static inline uint32_t
ar_etok_clitic(const ar_etok *t)
{
	return t->real_cl ? t->cl_src : 0;
}

/* Fill m with a name match over tokens [first, last), its proclitic left out. */
static inline void
ar_match_set(const ar_edoc *d, ar_match *m, int type, size_t first, size_t last)
{
	m->type = type;
	m->first = first;
	m->last = last;
	m->start = d->t[first].start + ar_etok_clitic(&d->t[first]);
	m->end = d->t[last - 1].start + d->t[last - 1].len;
	m->norm = NULL;
	m->norm_len = 0;
	m->strong = 0;
}

static inline const char *
ar_edoc_key(const ar_edoc *d, size_t i)
{
	return d->keys + d->t[i].key_off;
}

/* Key without proclitics. */
static inline const char *
ar_edoc_skey(const ar_edoc *d, size_t i, size_t *n)
{
	*n = d->t[i].skey_len;
	return d->keys + d->t[i].skey_off;
}

static inline int
ar_edoc_is(const ar_edoc *d, size_t i, uint32_t wflags)
{
	return i < d->n && (d->t[i].wflags & wflags) != 0;
}

/* Lexicon value (month number, scale power, currency id) of token i. */
static inline int
ar_edoc_wval(const ar_edoc *d, size_t i)
{
	return d->t[i].lx ? d->t[i].lx->wval : 0;
}

/*
 * Record of the n-token key starting at token i (its first token taken
 * without proclitics when stripped), or NULL.  The tokens are joined as the
 * gazetteer joins a name's (ar_gaz_joiner): a space, or the punctuation of
 * the blank between them (الكونغو - برازافيل, AT&T).
 */
static inline const ar_gaz_rec *
ar_edoc_seq(const ar_edoc *d, size_t i, int n, int stripped)
{
	const char *keys[2 * AR_GAZ_MAX_TOKENS];
	size_t		lens[2 * AR_GAZ_MAX_TOKENS];
	char		join[AR_GAZ_MAX_TOKENS][AR_GAZ_JOINER_MAX];
	uint64_t	h = AR_GAZ_HASH_INIT;
	int			k,
				m = 0;

	if (n < 1 || n > AR_GAZ_MAX_TOKENS || i + (size_t) n > d->n)
		return NULL;
	for (k = 0; k < n; k++)
	{
		const ar_etok *t = &d->t[i + k];

		if (k > 0)
		{
			if (t->punct)
			{
				lens[m] = ar_gaz_joiner(d->s + t->gap, t->start - t->gap, join[k]);
				if (lens[m] == 0)
					return NULL;
				keys[m] = join[k];
			}
			else
			{
				keys[m] = " ";
				lens[m] = 1;
			}
			h = ar_gaz_hash(h, keys[m], lens[m]);
			m++;
		}
		if (k == 0 && stripped)
			keys[m] = ar_edoc_skey(d, i, &lens[m]);
		else
		{
			keys[m] = ar_edoc_key(d, i + k);
			lens[m] = t->key_len;
		}
		h = ar_gaz_hash(h, keys[m], lens[m]);
		m++;
	}
	return ar_gaz_find_parts(d->g, h, keys, lens, m);
}

/* Is the blank before token i (i > 0 in the window or not) exactly sep? */
static inline int
ar_edoc_gap_is(const ar_edoc *d, size_t i, char sep)
{
	return d->t[i].start == d->t[i].gap + 1 && d->s[d->t[i].gap] == sep;
}

#endif							/* AR_EDOC_H */
