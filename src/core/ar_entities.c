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
#include <stdlib.h>
#include <string.h>

#include "ar_chars.h"
#include "ar_dates.h"
#include "ar_entities.h"
#include "ar_normalize.h"
#include "ar_stem.h"
#include "ar_utf8.h"

#define CLITIC_MAX_CP 64

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

int
ar_entities_run(const ar_gaz *g, const char *s, size_t len, ar_entity_cb cb, void *arg)
{
	run_state	st;
	ar_gaz	   *own = NULL;
	size_t		pos = 0;
	int			rc = 0;

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
	ar_tok_init(&st.tz, s, len);
	st.d.t = malloc(AR_EDOC_WINDOW * sizeof(ar_etok));
	if (st.d.t == NULL)
	{
		rc = -1;
		goto done;
	}
	for (;;)
	{
		if (fill(&st) != 0)
		{
			rc = -1;
			goto done;
		}
		while (pos < st.d.n && (st.d.eof || pos + AR_EDOC_LOOKAHEAD <= st.d.n))
		{
			ar_match	m;
			int			got = match_at(&st, pos, &m);

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
			break;
		if (pos > st.d.n)
			pos = st.d.n;
		slide(&st.d, pos);
		pos = 0;
		/* once per window: let the caller stop a long run (query cancel) */
		if ((rc = cb(arg, AR_E_PROGRESS, st.tz.pos, 0, NULL, 0)) != 0)
			goto done;
	}
done:
	free(st.d.t);
	free(st.d.keys);
	free(st.scratch);
	ar_gaz_free(own);
	return rc;
}
