/*
 * ar_entities.c
 *	  The entity engine: one pass over a sliding window of tokens, each
 *	  normalized once, with hash lookups and a fixed set of local rules.
 *
 * At every token the recognizers propose at most one match each (tags, dates
 * and amounts, the longest gazetteer entry, then the trigger-word rules);
 * the one reaching furthest wins, the gazetteer on ties, and scanning goes on
 * after it.  No rule looks more than AR_EDOC_LOOKAHEAD tokens ahead, which
 * is what lets the window slide.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ar_chars.h"
#include "ar_dates.h"
#include "ar_entities.h"
#include "ar_ner_model.h"
#include "ar_normalize.h"
#include "ar_stem.h"
#include "ar_utf8.h"

#define CLITIC_MAX_CP 64
#define MAX_FEATS 40

/* Bits that end (or forbid) a name. */
#define NAME_STOP (AR_W_STOP | AR_W_PREP | AR_W_VERB | AR_W_TIME | AR_W_MONTH | \
				   AR_W_WEEKDAY | AR_W_YEARWORD | AR_W_CURRENCY | AR_W_SCALE | \
				   AR_W_PERCENT | AR_W_MODIFIER)

typedef struct run_state
{
	ar_edoc		d;
	ar_tokenizer tz;
	int			pending_punct;	/* punctuation seen since the last word */
	size_t		last_end;		/* end of the last word token */
	char	   *scratch;		/* display-normalized values */
	size_t		scratch_cap;
	ar_entity_cb cb;
	void	   *arg;
	/* model mode (see "model mode" below) */
	const ar_ner_model *model;
	ar_feat_cb	fcb;			/* feature dump instead of tagging */
	void	   *farg;
	int			ptag;			/* tagger's output for the last token */
	size_t		cover_end;		/* window index after the gazetteer cover */
	int			cover_tag;		/* its B- tag in cover_names */
	int			span_type;		/* open model span, 0 if none */
	size_t		span_tok;		/* start of its first token */
	size_t		span_start;		/* the same without a foreign proclitic */
	size_t		span_end;
	ar_match	rule;			/* the rules' last name match */
	size_t		rule_tok;
	int			have_rule;
	char	   *fbuf;			/* feature strings of one token */
	size_t		fbuf_cap;
	size_t		flen;
	int			nfeat;
	char	   *fptr[MAX_FEATS];
	size_t		fl[MAX_FEATS];
	const int16_t *dyn_pt[AR_NER_NTAGS];	/* rows of "pt=" features */
	const int16_t *dyn_ptr[AR_NER_NTAGS][8];	/* rows of "pt|r=" features */
} run_state;

static const char ALEF_LAM[] = "\xd8\xa7\xd9\x84";	/* ال */

/* ---- per-token preparation ---- */

static int
keys_reserve(ar_edoc *d, size_t more)
{
	if (d->keys_len + more > d->keys_cap)
	{
		size_t		cap = d->keys_cap ? d->keys_cap * 2 : 16384;
		char	   *p;

		while (cap < d->keys_len + more)
			cap *= 2;
		p = realloc(d->keys, cap);
		if (p == NULL)
			return -1;
		d->keys = p;
		d->keys_cap = cap;
	}
	return 0;
}

/*
 * Number of proclitic code points and their byte length in the key; the
 * rule is ar_stem's, shared with the stemmer.
 */
static size_t
clitic_cp(const char *key, size_t n, size_t *bytes)
{
	uint32_t	cps[CLITIC_MAX_CP];
	size_t		ncp = 0,
				p = 0,
				k,
				b = 0;
	int			nb;

	*bytes = 0;
	while (p < n && ncp < CLITIC_MAX_CP)
	{
		cps[ncp++] = ar_utf8_decode((const unsigned char *) key + p, n - p, &nb);
		p += (size_t) nb;
	}
	if (p < n)
		return 0;
	k = ar_clitic_prefix_len(cps, ncp, 0);
	for (p = 0; p < k; p++)
		b += cps[p] < 0x800 ? 2 : 3;
	*bytes = b;
	return k;
}

/* Source bytes covering the first k letters of the token (marks after them too). */
static size_t
clitic_src(const char *s, size_t len, size_t k)
{
	size_t		p = 0,
				count = 0;
	int			nb;

	while (p < len && count < k)
	{
		uint32_t	cp = ar_utf8_decode((const unsigned char *) s + p, len - p, &nb);

		p += (size_t) nb;
		if (ar_normalize_fold_cp(cp, AR_N_PROFILE_SEARCH) != 0)
			count++;
	}
	while (p < len)
	{
		uint32_t	cp = ar_utf8_decode((const unsigned char *) s + p, len - p, &nb);

		if (ar_normalize_fold_cp(cp, AR_N_PROFILE_SEARCH) != 0)
			break;
		p += (size_t) nb;
	}
	return count == k && p < len ? p : 0;
}

static int
is_upper_acronym(const char *s, size_t n)
{
	size_t		i,
				up = 0;

	if (n < 2 || n > 12)
		return 0;
	for (i = 0; i < n; i++)
	{
		if (s[i] >= 'A' && s[i] <= 'Z')
			up++;
		else if (!(s[i] >= 'a' && s[i] <= 'z'))
			return 0;
	}
	/* all capitals, or capitals with one lowercase letter (UNHCR, OMSAC, FBI, UNESCO, WiFi is not) */
	return up == n;
}

/* Append one word token to the window; -1 on OOM. */
static int
add_token(run_state *st, const ar_token *tok)
{
	ar_edoc    *d = &st->d;
	ar_etok    *t = &d->t[d->n];
	const char *src = d->s + tok->start;
	size_t		bound = ar_normalize_bound(src, tok->len, AR_N_PROFILE_SEARCH),
				klen,
				k = 0,
				kb = 0;
	char	   *key;

	if (keys_reserve(d, 2 * bound + 8) != 0)
		return -1;
	memset(t, 0, sizeof(*t));
	t->start = tok->start;
	t->len = tok->len;
	t->gap = st->last_end;
	t->type = tok->type;
	t->punct = (uint8_t) st->pending_punct;
	key = d->keys + d->keys_len;
	klen = ar_gaz_key(src, tok->len, key);
	t->key_off = d->keys_len;
	t->key_len = klen;
	d->keys_len += klen;
	t->skey_off = t->key_off;
	t->skey_len = klen;
	if (tok->type == AR_T_ARABIC && klen >= 6)
		k = clitic_cp(key, klen, &kb);
	if (k > 0 && (t->cl_src = (uint32_t) clitic_src(src, tok->len, k)) != 0)
	{
		/* لل: the preposition merged with the article; look up as ال… */
		if (kb >= 2 && klen > kb + 2 && memcmp(key + kb - 2, "\xd9\x84", 2) == 0 &&
			memcmp(key + kb, "\xd9\x84", 2) == 0)
		{
			char	   *alt = d->keys + d->keys_len;

			memcpy(alt, "\xd8\xa7", 2);
			memcpy(alt + 2, key + kb, klen - kb);
			t->skey_off = d->keys_len;
			t->skey_len = klen - kb + 2;
			d->keys_len += t->skey_len;
		}
		else
		{
			t->skey_off = t->key_off + kb;
			t->skey_len = klen - kb;
		}
	}
	if (d->g)
	{
		t->rf = ar_gaz_find1(d->g, key, klen);
		if (t->skey_off != t->key_off || t->skey_len != klen)
			t->rs = ar_gaz_find1(d->g, d->keys + t->skey_off, t->skey_len);
	}
	t->lx = t->rf && t->rf->wflags ? t->rf : (t->rs && t->rs->wflags ? t->rs : NULL);
	t->nm = t->rf && t->rf->etype ? t->rf : (t->rs && t->rs->etype ? t->rs : NULL);
	t->wflags = t->lx ? t->lx->wflags : 0;
	t->article = t->skey_len > 4 && memcmp(d->keys + t->skey_off, ALEF_LAM, 4) == 0;
	t->upper = tok->type == AR_T_WORD && is_upper_acronym(src, tok->len);
	d->n++;
	st->pending_punct = 0;
	st->last_end = tok->start + tok->len;
	return 0;
}

/* Does a blank token hold anything but white space and invisible marks? */
static int
blank_has_punct(const char *s, size_t len)
{
	size_t		p = 0;
	int			nb;

	while (p < len)
	{
		uint32_t	cp = ar_utf8_decode((const unsigned char *) s + p, len - p, &nb);
		ar_cclass	c = ar_char_class(cp);

		if (c != AR_C_SPACE && c != AR_C_FORMAT && c != AR_C_JOINER)
			return 1;
		p += (size_t) nb;
	}
	return 0;
}

/* Fill the window; -1 on OOM. */
static int
fill(run_state *st)
{
	ar_edoc    *d = &st->d;
	ar_token	tok;

	while (d->n < AR_EDOC_WINDOW && !d->eof)
	{
		if (ar_tok_next(&st->tz, &tok) == AR_T_END)
		{
			d->eof = 1;
			break;
		}
		if (tok.type == AR_T_BLANK)
		{
			if (!st->pending_punct && blank_has_punct(d->s + tok.start, tok.len))
				st->pending_punct = 1;
			continue;
		}
		if (add_token(st, &tok) != 0)
			return -1;
	}
	return 0;
}

/* Drop the first k tokens of the window and their keys. */
static void
slide(ar_edoc *d, size_t k)
{
	size_t		base,
				i;

	if (k == 0)
		return;
	if (k >= d->n)
	{
		d->n = 0;
		d->keys_len = 0;
		return;
	}
	base = d->t[k].key_off;
	memmove(d->t, d->t + k, (d->n - k) * sizeof(ar_etok));
	d->n -= k;
	memmove(d->keys, d->keys + base, d->keys_len - base);
	d->keys_len -= base;
	for (i = 0; i < d->n; i++)
	{
		d->t[i].key_off -= base;
		d->t[i].skey_off -= base;
	}
}

/* ---- name rules ---- */

static inline int
nm_type(const ar_etok *t)
{
	return t->nm ? t->nm->etype : 0;
}

static inline int
is_word(const ar_etok *t)
{
	return t->type == AR_T_ARABIC || t->type == AR_T_WORD;
}

/* A proclitic that the name does not explain (و before a non-name). */
static inline int
foreign_clitic(const ar_etok *t)
{
	return t->cl_src > 0 && !(t->rf && t->rf->etype);
}

/*
 * An unknown word that looks like an imperfect or future verb (يصف، ستزور):
 * a name that was being extended stops before it.
 */
static int
verb_shaped(const ar_edoc *d, size_t j)
{
	const ar_etok *t = &d->t[j];
	size_t		n;
	const char *k = ar_edoc_skey(d, j, &n);

	if (t->type != AR_T_ARABIC || t->nm || t->article || n < 6)
		return 0;
	if (memcmp(k, "\xd9\x8a", 2) == 0)	/* ي */
		return 1;
	/* سي ست سن: future prefix */
	return n >= 8 && memcmp(k, "\xd8\xb3", 2) == 0 &&
		(memcmp(k + 2, "\xd9\x8a", 2) == 0 || memcmp(k + 2, "\xd8\xaa", 2) == 0 ||
		 memcmp(k + 2, "\xd9\x86", 2) == 0);
}

/*
 * Inside a name only a conjunction or a clitic before ال is a real
 * proclitic: ك and ف start many foreign names (كريستوف، فيليب).
 */
static int
name_clitic(const ar_edoc *d, size_t j)
{
	const ar_etok *t = &d->t[j];

	return foreign_clitic(t) &&
		(t->article || memcmp(ar_edoc_key(d, j), "\xd9\x88", 2) == 0);
}

/* May token j be part of a person name? */
static int
namelike(const ar_edoc *d, size_t j)
{
	const ar_etok *t;
	int			ty;

	if (j >= d->n)
		return 0;
	t = &d->t[j];
	if (!is_word(t) || (t->wflags & NAME_STOP))
		return 0;
	ty = nm_type(t);
	return !(ty == AR_E_LOCATION || ty == AR_E_ORGANIZATION || ty == AR_E_NATIONALITY ||
			 ty == AR_G_TITLE || ty == AR_G_ORG_HEAD || ty == AR_G_LOC_HEAD);
}

static inline int
personish(const ar_etok *t)
{
	int			ty = nm_type(t);

	return ty == AR_E_PERSON || ty == AR_G_GIVEN_NAME;
}

/*
 * End (exclusive) of a person name whose first token is j0.  strong: 1 when
 * the name began with a given name, so unknown words may follow; 2 after a
 * title and an unknown first word, when only words without ال may; 0: only
 * known names or connector-led words.
 */
static size_t
person_end(const ar_edoc *d, size_t j0, int strong)
{
	size_t		j = j0 + 1,
				last = j0 + 1;
	int			count = 1,
				closed = nm_type(&d->t[j0]) == AR_E_PERSON,
				after_connector = (d->t[j0].wflags & AR_W_CONNECT) != 0;

	while (j < d->n && count < 5)
	{
		const ar_etok *t = &d->t[j];

		if (t->punct || name_clitic(d, j))
			break;
		if ((t->wflags & AR_W_CONNECT) && !personish(t))
		{
			after_connector = 1;
			j++;
			continue;
		}
		if ((t->wflags & AR_W_ORDINAL) && !after_connector)
		{
			/* عبد الله الثاني: the ordinal closes the name */
			last = j + 1;
			break;
		}
		if (!namelike(d, j))
			break;
		/* after a known surname only more known names follow */
		if (!(after_connector || personish(t) ||
			  (strong && !closed && count < 3 && !verb_shaped(d, j) &&
			   (strong == 1 || !t->article))))
			break;
		if (nm_type(t) == AR_E_PERSON)
			closed = 1;
		after_connector = 0;
		last = ++j;
		count++;
	}
	return last;
}

static void
set_match(const ar_edoc *d, ar_match *m, int type, size_t first, size_t last)
{
	m->type = type;
	m->first = first;
	m->last = last;
	m->start = d->t[first].start + d->t[first].cl_src;
	m->end = d->t[last - 1].start + d->t[last - 1].len;
	m->norm = NULL;
	m->norm_len = 0;
}

/* Longest gazetteer entity at i. */
static int
gaz_match(const ar_edoc *d, size_t i, ar_match *m)
{
	const ar_etok *t = &d->t[i];
	int			maxlen = 0,
				l,
				stripped;

	if (t->rf && t->rf->maxlen > maxlen)
		maxlen = t->rf->maxlen;
	if (t->rs && t->rs->maxlen > maxlen)
		maxlen = t->rs->maxlen;
	if ((size_t) maxlen > d->n - i)
		maxlen = (int) (d->n - i);
	for (l = maxlen; l >= 1; l--)
		for (stripped = 0; stripped <= 1; stripped++)
		{
			const ar_gaz_rec *r;

			if (stripped && t->skey_off == t->key_off && t->skey_len == t->key_len)
				continue;
			r = l == 1 ? (stripped ? t->rs : t->rf) : ar_edoc_seq(d, i, l, stripped);
			if (r && r->etype >= AR_E_PERSON && r->etype <= AR_E_NATIONALITY)
			{
				set_match(d, m, r->etype, i, i + (size_t) l);
				if (!stripped)
					m->start = t->start;
				m->norm = ar_gaz_canon(d->g, r, &m->norm_len);
				return 1;
			}
		}
	return 0;
}

/* Length in tokens of a (possibly multi-word) trigger of kind at i, or 0. */
static int
trigger_len(const ar_edoc *d, size_t i, int kind)
{
	const ar_etok *t = &d->t[i];
	int			maxlen = t->rs && t->rs->maxlen > (t->rf ? t->rf->maxlen : 0) ?
		t->rs->maxlen : (t->rf ? t->rf->maxlen : 0);
	int			l;

	if (maxlen > 3)
		maxlen = 3;
	for (l = maxlen; l >= 2; l--)
	{
		const ar_gaz_rec *r = ar_edoc_seq(d, i, l, 1);

		if (r && r->etype == kind)
			return l;
	}
	return nm_type(t) == kind ? 1 : 0;
}

/* Title + [genitive, nationality, modifiers] + name. */
static int
title_rule(const ar_edoc *d, size_t i, ar_match *m)
{
	int			tl = trigger_len(d, i, AR_G_TITLE);
	int			genitive;
	ar_match	g;
	size_t		j,
				skipped = 0;

	if (tl == 0)
		return 0;
	genitive = (d->t[i].wflags & AR_W_GENITIVE) || tl > 1;
	j = i + (size_t) tl;
	while (j < d->n && skipped < 5)
	{
		const ar_etok *t = &d->t[j];
		int			ty = nm_type(t);

		if (t->punct || !is_word(t))
			return 0;
		if (ty != AR_E_NATIONALITY && gaz_match(d, j, &g))
			return 0;			/* الأمين العام للأمم المتحدة: the name is the next match */
		if (ty == AR_E_NATIONALITY || ty == AR_G_TITLE || (t->wflags & AR_W_MODIFIER))
			;
		else if (genitive && t->article && !personish(t) && !(t->wflags & NAME_STOP))
			;
		else if (t->article && !personish(t) && j + 1 < d->n && !d->t[j + 1].punct &&
				 namelike(d, j + 1) && !d->t[j + 1].article && !foreign_clitic(&d->t[j + 1]))
			;					/* القائد النازي أدولف: an adjective, then the name */
		else if (genitive && (ty == AR_E_LOCATION || ty == AR_E_ORGANIZATION))
			;
		else
			break;
		j++;
		skipped++;
	}
	if (j >= d->n || d->t[j].punct || !namelike(d, j) || name_clitic(d, j))
		return 0;
	if (d->t[j].article && !personish(&d->t[j]) && genitive)
		return 0;
	set_match(d, m, AR_E_PERSON, j, person_end(d, j, personish(&d->t[j]) ? 1 : 2));
	if (foreign_clitic(&d->t[j]))
		m->start = d->t[j].start;	/* كريستوف: the letter belongs to the name */
	return 1;
}

/* Organization head + genitive chain, or descriptor head + name. */
static int
org_rule(const ar_edoc *d, size_t i, ar_match *m)
{
	int			hl = trigger_len(d, i, AR_G_ORG_HEAD);
	size_t		j,
				k,
				last = 0;

	if (hl == 0)
		return 0;
	j = i + (size_t) hl;
	if (j >= d->n || d->t[j].punct)
		return 0;
	if ((d->t[i].wflags & AR_W_DESCRIPTOR) && hl == 1 && !d->t[j].article)
	{
		/* شركة نوكيا: the name alone; a known name is left to the gazetteer */
		if (d->t[j].nm || !namelike(d, j) || foreign_clitic(&d->t[j]))
			return 0;
		k = j + 1;
		while (k < d->n && k < j + 3 && !d->t[k].punct && namelike(d, k) &&
			   !d->t[k].article && !foreign_clitic(&d->t[k]) && !d->t[k].nm)
			k++;
		set_match(d, m, AR_E_ORGANIZATION, j, k);
		return 1;
	}
	for (k = j; k < d->n && k < j + 8; k++)
	{
		const ar_etok *t = &d->t[k];
		int			ty = nm_type(t);
		size_t		clen = t->cl_src;

		if (t->punct || !is_word(t) ||
			(t->wflags & (AR_W_STOP | AR_W_PREP | AR_W_VERB | AR_W_TIME | AR_W_WEEKDAY |
						  AR_W_MONTH | AR_W_YEARWORD)))
			break;
		if (t->article)
		{
			/* proclitic: ل (للأمن) anywhere, و (والجريمة) after the first word */
			if (clen > 0)
			{
				const char *k0 = ar_edoc_key(d, k);

				if (memcmp(k0, "\xd9\x84", 2) == 0)
					;
				else if (memcmp(k0, "\xd9\x88", 2) == 0 && k > j)
					;
				else
					break;
			}
			last = k + 1;
			continue;
		}
		if (ty == AR_E_LOCATION || ty == AR_E_ORGANIZATION || ty == AR_E_NATIONALITY)
		{
			if (foreign_clitic(t) && memcmp(ar_edoc_key(d, k), "\xd9\x84", 2) != 0)
				break;
			last = k + 1;
			continue;
		}
		if (t->upper)
		{
			last = k + 1;
			break;
		}
		/* construct noun: only when a definite word follows (شؤون المرأة) */
		if (!personish(t) && k + 1 < d->n && !d->t[k + 1].punct && d->t[k + 1].article &&
			d->t[k + 1].cl_src == 0 && (clen == 0 || memcmp(ar_edoc_key(d, k), "\xd9\x84", 2) == 0) &&
			!(t->wflags & NAME_STOP))
			continue;
		break;
	}
	if (last == 0)
		return 0;
	set_match(d, m, AR_E_ORGANIZATION, i, last);
	return 1;
}

/* Location head + place name. */
static int
loc_rule(const ar_edoc *d, size_t i, ar_match *m)
{
	int			hl = trigger_len(d, i, AR_G_LOC_HEAD);
	int			strong;
	size_t		j,
				k;

	if (hl == 0)
		return 0;
	strong = (d->t[i].wflags & AR_W_STRONG) != 0;
	j = i + (size_t) hl;
	while (j < d->n && !d->t[j].punct && nm_type(&d->t[j]) == AR_E_NATIONALITY)
		j++;
	if (j >= d->n || d->t[j].punct || d->t[j].nm || !namelike(d, j) ||
		foreign_clitic(&d->t[j]) || (d->t[j].article && !strong))
		return 0;
	k = j + 1;
	while (k < d->n && k < j + 3 && !d->t[k].punct && namelike(d, k) &&
		   !d->t[k].article && !foreign_clitic(&d->t[k]) && !d->t[k].nm)
		k++;
	set_match(d, m, AR_E_LOCATION, j, k);
	return 1;
}

/* أبو, ابو, عبد: may start a name (أبو مازن); بن, آل only continue one. */
static int
is_kunya(const ar_edoc *d, size_t i)
{
	size_t		n;
	const char *k = ar_edoc_skey(d, i, &n);

	return (n == 6 && (memcmp(k, "\xd8\xa7\xd8\xa8\xd9\x88", 6) == 0 ||
					   memcmp(k, "\xd8\xb9\xd8\xa8\xd8\xaf", 6) == 0));
}

/* Given name (or أبو/عبد + name) and the name tokens after it. */
static int
given_rule(const ar_edoc *d, size_t i, ar_match *m)
{
	const ar_etok *t = &d->t[i];
	size_t		end;

	if (nm_type(t) == AR_G_GIVEN_NAME)
	{
		/* على (preposition) folds to the name علي: the written ى decides */
		if ((t->wflags & AR_W_COMMON) && t->len >= 2 &&
			memcmp(d->s + t->start + t->len - 2, "\xd9\x89", 2) == 0 &&
			t->skey_len == 6 && memcmp(d->keys + t->skey_off, "\xd8\xb9\xd9\x84\xd9\x8a", 6) == 0)
			return 0;
		end = person_end(d, i, 1);
		if (end == i + 1 && (t->wflags & AR_W_COMMON))
			return 0;
		if ((t->wflags & AR_W_COMMON) && end > i + 1 && !personish(&d->t[i + 1]) &&
			!(d->t[i + 1].wflags & AR_W_CONNECT))
			return 0;
		set_match(d, m, AR_E_PERSON, i, end);
		return 1;
	}
	if ((t->wflags & AR_W_CONNECT) && !t->nm && is_kunya(d, i) && i + 1 < d->n && !d->t[i + 1].punct &&
		namelike(d, i + 1) && !foreign_clitic(&d->t[i + 1]) &&
		(personish(&d->t[i + 1]) || !d->t[i + 1].article))
	{
		end = person_end(d, i + 1, personish(&d->t[i + 1]));
		set_match(d, m, AR_E_PERSON, i, end);
		return 1;
	}
	return 0;
}

/*
 * Speech verb + unknown words + أن/إن or punctuation: the words are the
 * speaker (وقال غيلرمان إن …, وأوضح لارسن أن …).
 */
static int
speaker_rule(const ar_edoc *d, size_t i, ar_match *m)
{
	size_t		j = i + 1,
				k,
				n;
	const char *key;

	if (!(d->t[i].wflags & AR_W_VERB) || j >= d->n)
		return 0;
	for (k = j; k < d->n && k < j + 3; k++)
	{
		const ar_etok *t = &d->t[k];

		if ((k > j && t->punct) || t->type != AR_T_ARABIC || t->nm || t->article ||
			!namelike(d, k) || foreign_clitic(t) || verb_shaped(d, k))
			break;
	}
	if (k == j || k >= d->n || d->t[j].punct)
		return 0;
	key = ar_edoc_skey(d, k, &n);
	if (!d->t[k].punct &&
		!(n == 4 && memcmp(key, "\xd8\xa7\xd9\x86", 4) == 0) &&	/* ان */
		!(n == 6 && memcmp(key, "\xd8\xa7\xd9\x86\xd9\x87", 6) == 0))	/* انه */
		return 0;
	set_match(d, m, AR_E_PERSON, j, k);
	return 1;
}

/* ---- emission ---- */

/* Display form of s[start..end) with blanks collapsed; NULL on OOM. */
static const char *
display_norm(run_state *st, size_t start, size_t end, size_t *outlen)
{
	const char *s = st->d.s + start;
	size_t		n = end - start,
				bound = ar_normalize_bound(s, n, AR_N_PROFILE_DISPLAY),
				m,
				i,
				o = 0;

	if (bound + 1 > st->scratch_cap)
	{
		size_t		cap = bound + 64;
		char	   *p = realloc(st->scratch, cap);

		if (p == NULL)
			return NULL;
		st->scratch = p;
		st->scratch_cap = cap;
	}
	m = ar_normalize(s, n, AR_N_PROFILE_DISPLAY, st->scratch);
	for (i = 0; i < m; i++)
	{
		char		c = st->scratch[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
		{
			if (o > 0 && st->scratch[o - 1] != ' ')
				st->scratch[o++] = ' ';
		}
		else
			st->scratch[o++] = c;
	}
	while (o > 0 && st->scratch[o - 1] == ' ')
		o--;
	*outlen = o;
	return st->scratch;
}

/* Clean form of a url/email/hashtag/mention token; NULL on OOM. */
static const char *
tag_norm(run_state *st, const ar_etok *t, size_t *outlen)
{
	const ar_edoc *d = &st->d;
	const char *k = ar_edoc_key(d, (size_t) (t - d->t));

	if (t->type == AR_T_URL)
		return display_norm(st, t->start, t->start + t->len, outlen);
	if (t->type == AR_T_EMAIL)
	{
		*outlen = t->key_len;
		return k;
	}
	/* hashtag, mention: the key without its sign */
	*outlen = t->key_len > 0 ? t->key_len - 1 : 0;
	return k + (t->key_len > 0 ? 1 : 0);
}

static int
emit(run_state *st, const ar_match *m)
{
	const char *norm = m->norm;
	size_t		nlen = m->norm_len;

	if (norm == NULL)
	{
		norm = display_norm(st, m->start, m->end, &nlen);
		if (norm == NULL)
			return -1;
	}
	return st->cb(st->arg, (ar_etype) m->type, m->start, m->end - m->start, norm, nlen);
}

/* Best match at token i; returns 1 with m filled, or 0. */
static int
match_at(run_state *st, size_t i, ar_match *m)
{
	const ar_edoc *d = &st->d;
	const ar_etok *t = &d->t[i];
	ar_match	r;
	int			have;

	switch (t->type)
	{
		case AR_T_URL:
		case AR_T_EMAIL:
		case AR_T_HASHTAG:
		case AR_T_MENTION:
			set_match(d, m, t->type == AR_T_URL ? AR_E_URL : t->type == AR_T_EMAIL ?
					  AR_E_EMAIL : t->type == AR_T_HASHTAG ? AR_E_HASHTAG : AR_E_MENTION,
					  i, i + 1);
			m->norm = tag_norm(st, t, &m->norm_len);
			return m->norm != NULL || m->norm_len == 0 ? 1 : -1;
		case AR_T_NUMBER:
			return ar_dates_match(d, i, m) || ar_numbers_match(d, i, m);
		case AR_T_NUMWORD:
		case AR_T_BLANK:
		case AR_T_END:
			return 0;
		default:
			break;
	}
	if ((t->wflags & (AR_W_WEEKDAY | AR_W_YEARWORD | AR_W_MONTH)) && ar_dates_match(d, i, m))
		return 1;
	have = d->g ? gaz_match(d, i, m) : 0;
	if (d->g && (title_rule(d, i, &r) || org_rule(d, i, &r) || loc_rule(d, i, &r) ||
				 given_rule(d, i, &r) || (!have && speaker_rule(d, i, &r))))
	{
		/* a known multi-word name is not stretched by a rule */
		if (!have || (r.last > m->last &&
					  !(m->last - m->first >= 2 && r.type == AR_E_ORGANIZATION)))
		{
			*m = r;
			have = 1;
		}
	}
	if (!have && t->upper && !t->nm)
	{
		set_match(d, m, AR_E_ORGANIZATION, i, i + 1);
		have = 1;
	}
	return have;
}

/* ---- model mode ----
 *
 * With a model on the gazetteer, the rules still run token by token as
 * above, but a PER/LOC/ORG match is no longer emitted: it becomes features
 * of a greedy left-to-right tagger, which decides the name spans.  Other
 * matches (dates, amounts, tags, nationalities) are emitted as before and
 * their tokens are not tagged (the tagger sees the previous tag O).
 *
 * Model features of word token i (the spec shared with tools/train_ner.py,
 * which reads them from test/ner_feat_cli, so they are defined here only):
 *   b                   bias
 *   w=KEY  s=SKEY       search-normalized key; key without proclitics
 *   p1= p2= p3=         first 1-3 code points of SKEY (when it has that many)
 *   x1= x2= x3=         last 1-3 code points of SKEY
 *   t=SHAPE             A(rabic) L(atin) N(umber) M(ixed) or T(ag), then
 *                       u (capitals), a (ال), c (proclitic), p (punctuation
 *                       before), q (punctuation after)
 *   g=N                 gazetteer type of the token (its etype, 0 if none)
 *   f=HEX               lexicon bits (FEAT_WMASK), when any
 *   c=TAG               longest gazetteer name covering the token, scanned
 *                       left to right: B-/I- PER LOC ORG NAT, or O
 *   r=TAG  r-1=TAG      the rules' tag of the token and of the one before:
 *                       B-/I- PER LOC ORG, X (another entity), O
 *   r|c=TAG|TAG
 *   w-1= w-2= w+1= w+2= s-1= s+1= g-1= g+1=   neighbours; <s> and </s> past
 *                       the ends of the text
 *   t-1= t+1= x2-1= x2+1=   shape and last two code points of the neighbours
 *                       (only when they exist)
 *   w-1|s=KEY|SKEY      previous key with this token's SKEY
 * and the dynamic ones, added at tagging time:
 *   pt=TAG  pt|r=TAG|RTAG   the tagger's previous output (O after an
 *                       untagged token and at the start)
 */

#define FEAT_WMASK (AR_W_STOP | AR_W_PREP | AR_W_VERB | AR_W_CONNECT | AR_W_MODIFIER | \
					AR_W_COMMON | AR_W_GENITIVE | AR_W_DESCRIPTOR | AR_W_TIME | \
					AR_W_ORDINAL | AR_W_STRONG | AR_W_MONTH | AR_W_YEARWORD)

#define RTAG_X 7
static const char *const rtag_names[8] = {
	"O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "X"
};
static const char *const cover_names[9] = {
	"O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-NAT", "I-NAT"
};

static int
is_name_type(int type)
{
	return type == AR_E_PERSON || type == AR_E_LOCATION || type == AR_E_ORGANIZATION;
}

/* B- tag index (1, 3, 5, 7) of a name or nationality type. */
static int
type_btag(int type)
{
	return type == AR_E_PERSON ? 1 : type == AR_E_LOCATION ? 3 :
		type == AR_E_ORGANIZATION ? 5 : 7;
}

static void
feat_add(run_state *st, const char *a, const char *b, size_t bn,
		 const char *c, size_t cn)
{
	size_t		al = strlen(a);
	char	   *p = st->fbuf + st->flen;

	size_t		total;

	if (st->nfeat >= MAX_FEATS)
		return;
	memcpy(p, a, al);
	if (bn)
		memcpy(p + al, b, bn);
	total = al + bn;
	if (c)
	{
		p[total++] = '|';
		memcpy(p + total, c, cn);
		total += cn;
	}
	st->fptr[st->nfeat] = p;
	st->fl[st->nfeat++] = total;
	st->flen += total;
}

static void
feat_str(run_state *st, const char *a, const char *b)
{
	feat_add(st, a, b, strlen(b), NULL, 0);
}

static void
feat_key(run_state *st, const char *name, long j, int stripped)
{
	const ar_edoc *d = &st->d;

	if (j < 0)
		feat_str(st, name, "<s>");
	else if ((size_t) j >= d->n)
		feat_str(st, name, "</s>");
	else if (stripped)
	{
		size_t		n;
		const char *k = ar_edoc_skey(d, (size_t) j, &n);

		feat_add(st, name, k, n, NULL, 0);
	}
	else
		feat_add(st, name, ar_edoc_key(d, (size_t) j), d->t[j].key_len, NULL, 0);
}

static void
feat_gtype(run_state *st, const char *name, long j)
{
	char		num[16];

	if (j < 0)
		feat_str(st, name, "<s>");
	else if ((size_t) j >= st->d.n)
		feat_str(st, name, "</s>");
	else
	{
		snprintf(num, sizeof(num), "%d", nm_type(&st->d.t[j]));
		feat_str(st, name, num);
	}
}

/* SHAPE of token j (see the spec) into out[8]. */
static void
shape_of(const ar_edoc *d, size_t j, char *out)
{
	const ar_etok *t = &d->t[j];
	char	   *sp = out;

	*sp++ = t->type == AR_T_ARABIC ? 'A' : t->type == AR_T_WORD ? 'L' :
		t->type == AR_T_NUMBER ? 'N' : t->type == AR_T_NUMWORD ? 'M' : 'T';
	if (t->upper)
		*sp++ = 'u';
	if (t->article)
		*sp++ = 'a';
	if (t->cl_src)
		*sp++ = 'c';
	if (t->punct)
		*sp++ = 'p';
	if (j + 1 < d->n && d->t[j + 1].punct)
		*sp++ = 'q';
	*sp = '\0';
}

/* Last two code points of the key without proclitics of token j. */
static const char *
suffix2(const ar_edoc *d, size_t j, size_t *len)
{
	size_t		n,
				p;
	const char *k = ar_edoc_skey(d, j, &n);
	int			c;

	for (c = 0, p = n; c < 2 && p > 0; c++)
	{
		p--;
		while (p > 0 && ((unsigned char) k[p] & 0xC0) == 0x80)
			p--;
	}
	*len = n - p;
	return k + p;
}

/* Static features of token i into st->fptr/fl; -1 on OOM. */
static int
build_feats(run_state *st, size_t i)
{
	const ar_edoc *d = &st->d;
	const ar_etok *t = &d->t[i];
	size_t		need = 1024,
				sn,
				k,
				p;
	long		j,
				li = (long) i;
	const char *sk = ar_edoc_skey(d, i, &sn);
	char		shape[8],
				num[24];
	const char *x;
	size_t		xn;
	int			ctag;
	ar_match	g;

	for (j = li - 2; j <= li + 2; j++)
		if (j >= 0 && (size_t) j < d->n)
			need += 4 * (d->t[j].key_len + d->t[j].skey_len);
	if (need > st->fbuf_cap)
	{
		char	   *nb = realloc(st->fbuf, need);

		if (nb == NULL)
			return -1;
		st->fbuf = nb;
		st->fbuf_cap = need;
	}
	st->flen = 0;
	st->nfeat = 0;
	feat_str(st, "b", "");
	feat_key(st, "w=", li, 0);
	feat_key(st, "s=", li, 1);
	/* code point boundaries: prefixes forward, suffixes backward */
	for (k = 1, p = 0; k <= 3 && p < sn; k++)
	{
		p++;
		while (p < sn && ((unsigned char) sk[p] & 0xC0) == 0x80)
			p++;
		feat_add(st, k == 1 ? "p1=" : k == 2 ? "p2=" : "p3=", sk, p, NULL, 0);
	}
	for (k = 1, p = sn; k <= 3 && p > 0; k++)
	{
		p--;
		while (p > 0 && ((unsigned char) sk[p] & 0xC0) == 0x80)
			p--;
		feat_add(st, k == 1 ? "x1=" : k == 2 ? "x2=" : "x3=", sk + p, sn - p, NULL, 0);
	}
	shape_of(d, i, shape);
	feat_str(st, "t=", shape);
	feat_gtype(st, "g=", li);
	if (t->wflags & FEAT_WMASK)
	{
		snprintf(num, sizeof(num), "%x", (unsigned) (t->wflags & FEAT_WMASK));
		feat_str(st, "f=", num);
	}
	if (i < st->cover_end)
		ctag = st->cover_tag + 1;
	else if (gaz_match(d, i, &g))
	{
		st->cover_end = g.last;
		st->cover_tag = type_btag(g.type);
		ctag = st->cover_tag;
	}
	else
		ctag = 0;
	feat_str(st, "c=", cover_names[ctag]);
	feat_str(st, "r=", rtag_names[t->rtag]);
	feat_str(st, "r-1=", i > 0 ? rtag_names[d->t[i - 1].rtag] : "<s>");
	snprintf(num, sizeof(num), "%s|%s", rtag_names[t->rtag], cover_names[ctag]);
	feat_str(st, "r|c=", num);
	feat_key(st, "w-1=", li - 1, 0);
	feat_key(st, "w-2=", li - 2, 0);
	feat_key(st, "w+1=", li + 1, 0);
	feat_key(st, "w+2=", li + 2, 0);
	feat_key(st, "s-1=", li - 1, 1);
	feat_key(st, "s+1=", li + 1, 1);
	feat_gtype(st, "g-1=", li - 1);
	feat_gtype(st, "g+1=", li + 1);
	if (i > 0)
	{
		shape_of(d, i - 1, shape);
		feat_str(st, "t-1=", shape);
		x = suffix2(d, i - 1, &xn);
		feat_add(st, "x2-1=", x, xn, NULL, 0);
		x = ar_edoc_skey(d, i, &sn);
		feat_add(st, "w-1|s=", ar_edoc_key(d, i - 1), d->t[i - 1].key_len, x, sn);
	}
	if (i + 1 < d->n)
	{
		shape_of(d, i + 1, shape);
		feat_str(st, "t+1=", shape);
		x = suffix2(d, i + 1, &xn);
		feat_add(st, "x2+1=", x, xn, NULL, 0);
	}
	return 0;
}

/* Emit the open model span, if any. */
static int
flush_span(run_state *st)
{
	ar_match	m;

	if (st->span_type == 0)
		return 0;
	if (st->have_rule && st->rule.type == st->span_type &&
		st->rule_tok == st->span_tok && st->rule.end == st->span_end)
		m = st->rule;			/* the rules agree: keep their value */
	else
	{
		m.type = st->span_type;
		m.start = st->span_start;
		m.end = st->span_end;
		m.norm = NULL;
		m.norm_len = 0;
	}
	st->span_type = 0;
	return emit(st, &m);
}

/* Tag token i with the model (or hand its features to the dump callback). */
static int
tag_token(run_state *st, size_t i)
{
	const ar_etok *t = &st->d.t[i];
	int			tag = AR_NER_O,
				type,
				begin,
				rc,
				k;

	if (build_feats(st, i) != 0)
		return -1;
	if (st->fcb)
	{
		rc = st->fcb(st->farg, t->start, t->len, 0, st->nfeat,
					 (const char *const *) st->fptr, st->fl);
		if (rc != 0)
			return rc;
	}
	else
	{
		int32_t		scores[AR_NER_NTAGS] = {0};

		for (k = 0; k < st->nfeat; k++)
			ar_ner_model_add(st->model, st->fptr[k], st->fl[k], scores);
		ar_ner_add_row(st->dyn_pt[st->ptag], scores);
		ar_ner_add_row(st->dyn_ptr[st->ptag][t->rtag], scores);
		tag = ar_ner_model_best(scores);
	}
	st->ptag = tag;
	type = ar_ner_tag_type(tag, &begin);
	if (type == 0)
		return flush_span(st);
	if (begin || type != st->span_type)
	{
		if ((rc = flush_span(st)) != 0)
			return rc;
		st->span_type = type;
		st->span_tok = t->start;
		st->span_start = foreign_clitic(t) ? t->start + t->cl_src : t->start;
	}
	st->span_end = t->start + t->len;
	return 0;
}

/* One step of model mode at *pos: the rules' match there, then the tagger. */
static int
model_step(run_state *st, size_t *pos)
{
	ar_edoc    *d = &st->d;
	ar_match	m;
	int			got = match_at(st, *pos, &m),
				rc,
				bt;
	size_t		end,
				i;

	if (got < 0)
		return -1;
	end = got && m.last > *pos ? m.last : *pos + 1;
	if (got && !is_name_type(m.type))
	{
		for (i = *pos; i < end; i++)
			d->t[i].rtag = RTAG_X;
		if ((rc = flush_span(st)) != 0)
			return rc;
		st->ptag = AR_NER_O;
		if (st->fcb)
			for (i = *pos; i < end; i++)
				if ((rc = st->fcb(st->farg, d->t[i].start, d->t[i].len, 1, 0, NULL, NULL)) != 0)
					return rc;
		*pos = end;
		return emit(st, &m);
	}
	if (got)
	{
		bt = type_btag(m.type);
		for (i = *pos; i < end; i++)
			d->t[i].rtag = (uint8_t) (i < m.first ? 0 : i == m.first ? bt : bt + 1);
		st->rule = m;
		if (m.norm >= m.buf && m.norm < m.buf + sizeof(m.buf))
			st->rule.norm = st->rule.buf + (m.norm - m.buf);
		st->rule_tok = d->t[m.first].start;
		st->have_rule = 1;
	}
	else
		d->t[*pos].rtag = 0;
	for (i = *pos; i < end; i++)
		if ((rc = tag_token(st, i)) != 0)
			return rc;
	*pos = end;
	return 0;
}

/* Look the dynamic features up once per run. */
static void
model_prepare(run_state *st)
{
	char		f[48];
	int			p,
				r;

	for (p = 0; p < AR_NER_NTAGS; p++)
	{
		snprintf(f, sizeof(f), "pt=%s", ar_ner_tag_names[p]);
		st->dyn_pt[p] = ar_ner_model_row(st->model, f, strlen(f));
		for (r = 0; r < 8; r++)
		{
			snprintf(f, sizeof(f), "pt|r=%s|%s", ar_ner_tag_names[p], rtag_names[r]);
			st->dyn_ptr[p][r] = ar_ner_model_row(st->model, f, strlen(f));
		}
	}
}

static int
ignore_cb(void *arg, ar_etype type, size_t start, size_t len, const char *norm, size_t nlen)
{
	(void) arg, (void) type, (void) start, (void) len, (void) norm, (void) nlen;
	return 0;
}

static int run(const ar_gaz *g, const char *s, size_t len, ar_entity_cb cb, void *arg,
				ar_feat_cb fcb, void *farg);

int
ar_entities_run(const ar_gaz *g, const char *s, size_t len, ar_entity_cb cb, void *arg)
{
	return run(g, s, len, cb, arg, NULL, NULL);
}

int
ar_entities_features(const ar_gaz *g, const char *s, size_t len, ar_feat_cb fcb, void *arg)
{
	if (g == NULL || fcb == NULL)
		return -1;
	return run(g, s, len, ignore_cb, NULL, fcb, arg);
}

static int
run(const ar_gaz *g, const char *s, size_t len, ar_entity_cb cb, void *arg,
	ar_feat_cb fcb, void *farg)
{
	run_state	st;
	ar_gaz	   *own = NULL;
	size_t		pos = 0;
	int			rc = 0,
				mmode;

	if (s == NULL || cb == NULL)
		return 0;
	memset(&st, 0, sizeof(st));
	if (g == NULL)
	{
		/* the built-in lexicon still recognizes dates and amounts */
		own = ar_gaz_new();
		if (own == NULL || ar_gaz_build(own) != 0)
		{
			ar_gaz_free(own);
			return -1;
		}
		g = own;
	}
	st.d.s = s;
	st.d.len = len;
	st.d.g = g;
	st.cb = cb;
	st.arg = arg;
	st.model = ar_gaz_model(g);
	st.fcb = fcb;
	st.farg = farg;
	mmode = st.model != NULL || fcb != NULL;
	if (st.model && fcb == NULL)
		model_prepare(&st);
	ar_tok_init(&st.tz, s, len);
	st.d.t = malloc(AR_EDOC_WINDOW * sizeof(ar_etok));
	if (st.d.t == NULL)
	{
		rc = -1;
		goto done;
	}
	for (;;)
	{
		size_t		k;

		if (fill(&st) != 0)
		{
			rc = -1;
			goto done;
		}
		while (pos < st.d.n && (st.d.eof || pos + AR_EDOC_LOOKAHEAD <= st.d.n))
		{
			ar_match	m;
			int			got;

			if (mmode)
			{
				if ((rc = model_step(&st, &pos)) != 0)
					goto done;
				continue;
			}
			got = match_at(&st, pos, &m);
			if (got < 0)
			{
				rc = -1;
				goto done;
			}
			if (got)
			{
				int			r = emit(&st, &m);

				if (r != 0)
				{
					rc = r;
					goto done;
				}
				pos = m.last > pos ? m.last : pos + 1;
			}
			else
				pos++;
		}
		if (st.d.eof && pos >= st.d.n)
		{
			if (mmode)
				rc = flush_span(&st);
			break;
		}
		if (pos > st.d.n)
			pos = st.d.n;
		/* the tagger looks two tokens back: keep them */
		k = mmode ? (pos > 2 ? pos - 2 : 0) : pos;
		slide(&st.d, k);
		pos -= k;
		st.cover_end = st.cover_end > k ? st.cover_end - k : 0;
		/* once per window: let the caller stop a long run (query cancel) */
		if ((rc = cb(arg, AR_E_PROGRESS, st.tz.pos, 0, NULL, 0)) != 0)
			goto done;
	}
done:
	free(st.d.t);
	free(st.d.keys);
	free(st.scratch);
	free(st.fbuf);
	ar_gaz_free(own);
	return rc;
}
