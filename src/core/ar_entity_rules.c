/*
 * ar_entity_rules.c
 *	  The span rules of the entity engine: gazetteer names, trigger words and
 *	  the proclitic test, over the token window (ar_entity_rules.h).
 *
 * Each rule looks at most AR_EDOC_LOOKAHEAD tokens ahead and proposes one
 * match; ar_rules_names keeps the one reaching furthest.  Rules read only
 * the window: the same words give the same spans whatever the tagger does.
 */
#include <string.h>

#include "ar_chars.h"
#include "ar_entity_rules.h"
#include "ar_normalize.h"
#include "ar_stem.h"
#include "ar_tokenize.h"
#include "ar_utf8.h"
#include "ar_wordfreq.h"

#define CLITIC_MAX_CP 64

/* Bits that end (or forbid) a name. */
#define NAME_STOP (AR_W_STOP | AR_W_PREP | AR_W_VERB | AR_W_TIME | AR_W_MONTH | \
				   AR_W_WEEKDAY | AR_W_YEARWORD | AR_W_CURRENCY | AR_W_SCALE | \
				   AR_W_PERCENT | AR_W_MODIFIER)

static inline int
is_word(const ar_etok *t)
{
	return t->type == AR_T_ARABIC || t->type == AR_T_WORD;
}

/* ---- proclitics ---- */

/* The stemmer's proclitic split of a key, in code points. */
static size_t
stem_clitic(const char *key, size_t n)
{
	uint32_t	cps[CLITIC_MAX_CP];
	size_t		ncp = 0,
				p = 0;
	int			nb;

	while (p < n && ncp < CLITIC_MAX_CP)
	{
		cps[ncp++] = ar_utf8_decode((const unsigned char *) key + p, n - p, &nb);
		p += (size_t) nb;
	}
	if (p < n)
		return 0;
	return ar_clitic_prefix_len(cps, ncp, 0);
}

static inline int
is_name_rec(const ar_gaz_rec *r)
{
	return r && ((r->etype >= AR_E_PERSON && r->etype <= AR_E_NATIONALITY) ||
				 r->etype == AR_G_GIVEN_NAME);
}

int
ar_rules_clitic(const ar_gaz *g, const char *key, size_t klen, size_t *stem_k)
{
	size_t		k = stem_clitic(key, klen),
				kb,
				j;
	int			c;

	*stem_k = k;
	if (k == 0 || g == NULL)
		return (int) k;
	for (j = 0; j < k; j++)
		if ((unsigned char) key[2 * j] < 0xd8 || (unsigned char) key[2 * j] > 0xd9)
			return 0;			/* not a two-byte Arabic letter: not ours */
	kb = 2 * k;
	/* the article after the clitic (وال، بال، لل) leaves no doubt */
	if ((klen > kb + 6 && memcmp(key + kb, AR_ALEF_LAM, 4) == 0) ||
		(klen > kb + 4 && memcmp(key + kb - 2, AR_LAM, 2) == 0 &&
		 memcmp(key + kb, AR_LAM, 2) == 0))
		return (int) k;
	if (is_name_rec(ar_gaz_find1(g, key, klen)))
		return 0;				/* a name as written (a user's فيلومون) */
	c = ar_wordfreq_clitic(key, klen);
	if (c >= 0)
		return c < (int) k ? c : (int) k;
	for (; k > 1; k--)
	{
		const ar_gaz_rec *r = ar_gaz_find1(g, key + 2 * k, klen - 2 * k);

		if (r && (r->etype || r->wflags))
			return (int) k;
	}
	/* a long word the statistics never saw: a first و is the conjunction */
	if (memcmp(key, AR_WAW, 2) == 0 && klen >= 10)
		return 1;
	for (; k > 0; k--)
	{
		const ar_gaz_rec *r = ar_gaz_find1(g, key + 2 * k, klen - 2 * k);

		if (r && (r->etype || r->wflags))
			return (int) k;
	}
	return 0;
}

/* Key of token j without its proclitics when they are real ones. */
static const char *
word_key(const ar_edoc *d, size_t j, size_t *n)
{
	if (d->t[j].cl_src == 0 || d->t[j].real_cl)
		return ar_edoc_skey(d, j, n);
	*n = d->t[j].key_len;
	return ar_edoc_key(d, j);
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
	const char *k = word_key(d, j, &n);

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

	return ar_etok_foreign_clitic(t) &&
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
	ty = ar_etok_type(t);
	return !(ty == AR_E_LOCATION || ty == AR_E_ORGANIZATION || ty == AR_E_NATIONALITY ||
			 ty == AR_G_TITLE || ty == AR_G_ORG_HEAD || ty == AR_G_LOC_HEAD);
}

static inline int
personish(const ar_etok *t)
{
	int			ty = ar_etok_type(t);

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
				closed = ar_etok_type(&d->t[j0]) == AR_E_PERSON,
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
		if (ar_etok_type(t) == AR_E_PERSON)
			closed = 1;
		after_connector = 0;
		last = ++j;
		count++;
	}
	return last;
}

/* Longest gazetteer entity at i. */
int
ar_rules_gaz_match(const ar_edoc *d, size_t i, ar_match *m)
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
				ar_match_set(d, m, r->etype, i, i + (size_t) l);
				if (!stripped)
					m->start = t->start;
				m->norm = ar_gaz_canon(d->g, r, &m->norm_len);
				m->strong = (r->wflags & AR_W_USER) ? 2 : 1;
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
	return ar_etok_type(t) == kind ? 1 : 0;
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
		int			ty = ar_etok_type(t);

		if (t->punct || !is_word(t))
			return 0;
		if (ty != AR_E_NATIONALITY && ar_rules_gaz_match(d, j, &g))
			return 0;			/* الأمين العام للأمم المتحدة: the name is the next match */
		if (ty == AR_E_NATIONALITY || ty == AR_G_TITLE || (t->wflags & AR_W_MODIFIER))
			;
		else if (genitive && t->article && !personish(t) && !(t->wflags & NAME_STOP))
			;
		else if (t->article && !personish(t) && j + 1 < d->n && !d->t[j + 1].punct &&
				 namelike(d, j + 1) && !d->t[j + 1].article && !ar_etok_foreign_clitic(&d->t[j + 1]))
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
	ar_match_set(d, m, AR_E_PERSON, j, person_end(d, j, personish(&d->t[j]) ? 1 : 2));
	if (ar_etok_foreign_clitic(&d->t[j]))
		m->start = d->t[j].start;	/* كريستوف: the letter belongs to the name */
	return 1;
}

/* Does token j take a ب complement inside a name (المعني ب، المكلف ب)? */
static int
takes_beh(const ar_edoc *d, size_t j)
{
	static const char *const words[] = {
		"المعني", "المعنيه", "المكلف", "المكلفه", "الخاص", "الخاصه"
	};
	size_t		n,
				w;
	const char *k = ar_edoc_skey(d, j, &n);

	for (w = 0; w < sizeof(words) / sizeof(words[0]); w++)
		if (strlen(words[w]) == n && memcmp(words[w], k, n) == 0)
			return 1;
	return 0;
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
		if (d->t[j].nm || !namelike(d, j) || ar_etok_foreign_clitic(&d->t[j]))
			return 0;
		k = j + 1;
		while (k < d->n && k < j + 3 && !d->t[k].punct && namelike(d, k) &&
			   !d->t[k].article && !ar_etok_foreign_clitic(&d->t[k]) && !d->t[k].nm)
			k++;
		ar_match_set(d, m, AR_E_ORGANIZATION, j, k);
		return 1;
	}
	for (k = j; k < d->n && k < j + 8; k++)
	{
		const ar_etok *t = &d->t[k];
		int			ty = ar_etok_type(t);
		size_t		clen = ar_etok_clitic(t);

		if (t->punct || !is_word(t) ||
			(t->wflags & (AR_W_STOP | AR_W_PREP | AR_W_VERB | AR_W_TIME | AR_W_WEEKDAY |
						  AR_W_MONTH | AR_W_YEARWORD)))
			break;
		if (t->article)
		{
			/*
			 * proclitic: ل (للأمن) anywhere, و alone (والجريمة) after the
			 * first word, ب after المعني/المكلف (المعني بالمخدرات)
			 */
			if (clen > 0)
			{
				const char *k0 = ar_edoc_key(d, k);

				if (memcmp(k0, AR_LAM, 2) == 0)
					;
				else if (memcmp(k0, AR_WAW, 2) == 0 && k > j &&
						 memcmp(k0 + 2, AR_ALEF_LAM, 4) == 0 && ty == 0)
					;			/* والجريمة, not وبالإنتربول nor a known name */
				else if (memcmp(k0, AR_BEH, 2) == 0 && k > j && takes_beh(d, k - 1))
					;
				else
					break;
			}
			last = k + 1;
			continue;
		}
		if (ty == AR_E_LOCATION || ty == AR_E_ORGANIZATION || ty == AR_E_NATIONALITY)
		{
			if (ar_etok_foreign_clitic(t) && memcmp(ar_edoc_key(d, k), AR_LAM, 2) != 0)
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
			ar_etok_clitic(&d->t[k + 1]) == 0 && (clen == 0 || memcmp(ar_edoc_key(d, k), AR_LAM, 2) == 0) &&
			!(t->wflags & NAME_STOP))
			continue;
		break;
	}
	if (last == 0)
		return 0;
	ar_match_set(d, m, AR_E_ORGANIZATION, i, last);
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
	while (j < d->n && !d->t[j].punct && ar_etok_type(&d->t[j]) == AR_E_NATIONALITY)
		j++;
	if (j >= d->n || d->t[j].punct || d->t[j].nm || !namelike(d, j) ||
		ar_etok_foreign_clitic(&d->t[j]) || (d->t[j].article && !strong))
		return 0;
	k = j + 1;
	while (k < d->n && k < j + 3 && !d->t[k].punct && namelike(d, k) &&
		   !d->t[k].article && !ar_etok_foreign_clitic(&d->t[k]) && !d->t[k].nm)
		k++;
	ar_match_set(d, m, AR_E_LOCATION, j, k);
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

	if (ar_etok_type(t) == AR_G_GIVEN_NAME)
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
		ar_match_set(d, m, AR_E_PERSON, i, end);
		return 1;
	}
	if ((t->wflags & AR_W_CONNECT) && !t->nm && is_kunya(d, i) && i + 1 < d->n && !d->t[i + 1].punct &&
		namelike(d, i + 1) && !ar_etok_foreign_clitic(&d->t[i + 1]) &&
		(personish(&d->t[i + 1]) || !d->t[i + 1].article))
	{
		end = person_end(d, i + 1, personish(&d->t[i + 1]));
		ar_match_set(d, m, AR_E_PERSON, i, end);
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
			!namelike(d, k) || ar_etok_foreign_clitic(t) || verb_shaped(d, k))
			break;
	}
	if (k == j || k >= d->n || d->t[j].punct)
		return 0;
	key = ar_edoc_skey(d, k, &n);
	if (!d->t[k].punct &&
		!(n == 4 && memcmp(key, "\xd8\xa7\xd9\x86", 4) == 0) &&	/* ان */
		!(n == 6 && memcmp(key, "\xd8\xa7\xd9\x86\xd9\x87", 6) == 0))	/* انه */
		return 0;
	ar_match_set(d, m, AR_E_PERSON, j, k);
	return 1;
}

/* Best name match at word token i (ar_entity_rules.h). */
int
ar_rules_names(const ar_edoc *d, size_t i, ar_match *m)
{
	const ar_etok *t = &d->t[i];
	ar_match	r;
	int			have;

	have = d->g ? ar_rules_gaz_match(d, i, m) : 0;
	if (d->g && (title_rule(d, i, &r) || org_rule(d, i, &r) || loc_rule(d, i, &r) ||
				 given_rule(d, i, &r) || (!have && speaker_rule(d, i, &r))))
	{
		ar_match	g2;

		/*
		 * A rule that announces a name (a title, a speech verb) defers to a
		 * user's gazetteer row for the name itself (watch lists).  Shipped
		 * rows do not: the rules and the tagger were tuned and trained so.
		 */
		if (r.first > i && ar_rules_gaz_match(d, r.first, &g2) && g2.strong == 2)
			r = g2;
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
		ar_match_set(d, m, AR_E_ORGANIZATION, i, i + 1);
		have = 1;
	}
	return have;
}

/* ---- rules on any span ---- */

/* Window index of the token holding byte offset off, or d->n. */
static size_t
token_at(const ar_edoc *d, size_t off)
{
	size_t		i = d->n;

	while (i > 0)
	{
		i--;
		if (d->t[i].start <= off)
			return off < d->t[i].start + d->t[i].len ? i : d->n;
	}
	return d->n;
}

/* Latin word that may be a name: an acronym or a capital first letter. */
static int
latin_name(const ar_edoc *d, const ar_etok *t)
{
	unsigned char c = (unsigned char) d->s[t->start];
	int			nb;
	uint32_t	cp;

	if (t->upper || (c >= 'A' && c <= 'Z'))
		return 1;
	cp = ar_utf8_decode((const unsigned char *) d->s + t->start, t->len, &nb);
	return cp >= 0xC0 && cp <= 0xDE && cp != 0xD7;	/* É, Ç … */
}

/* A lone definite nisba adjective: ال…ي or ال…ية (ة folded to ه). */
static int
definite_adjective(const ar_edoc *d, size_t i)
{
	size_t		n;
	const char *k = word_key(d, i, &n);

	if (!d->t[i].article || n < 10)
		return 0;
	return memcmp(k + n - 2, AR_YEH, 2) == 0 ||
		(memcmp(k + n - 4, AR_YEH, 2) == 0 && memcmp(k + n - 2, "\xd9\x87", 2) == 0);
}

/* May the one-word span at token i be an entity of type? */
static int
single_ok(const ar_edoc *d, size_t i, int type)
{
	const ar_etok *t = &d->t[i];
	int			ty = ar_etok_type(t);

	if (t->type == AR_T_WORD)
		return latin_name(d, t);
	if (t->wflags & (AR_W_VERB | AR_W_STOP | AR_W_PREP | AR_W_TIME | AR_W_MODIFIER |
					 AR_W_CONNECT | AR_W_WEEKDAY))
		return 0;
	if (ty == AR_G_TITLE || ty == AR_G_ORG_HEAD || ty == AR_G_LOC_HEAD)
		return 0;
	if (t->wflags & AR_W_COMMON)
	{
		const ar_etok *p = i > 0 ? &d->t[i - 1] : NULL;

		if (type == AR_E_PERSON)
			return 1;			/* مبارك: the tagger's call */
		return ar_etok_clitic(t) > 0 ||
			(p && !t->punct && ((p->wflags & AR_W_PREP) || ar_etok_type(p) == AR_G_LOC_HEAD));
	}
	if (ty >= AR_E_PERSON && ty <= AR_E_NATIONALITY)
		return 1;
	if (verb_shaped(d, i))
		return 0;
	/*
	 * البنك المركزي, الكبد الفيروسي: the adjective of the noun before it (for
	 * a person, a title or a name before it makes it a surname: الشيخ
	 * الغنوشي)
	 */
	if (definite_adjective(d, i) && i > 0 && !t->punct &&
		(d->t[i - 1].article || ar_etok_type(&d->t[i - 1]) == AR_G_ORG_HEAD) &&
		(type != AR_E_PERSON || !d->t[i - 1].nm))
		return 0;
	return 1;
}

/* Do tokens [b, e) continue a name: a proclitic word or a known name? */
static int
chain_goes_on(const ar_edoc *d, size_t b, size_t e)
{
	for (; b < e; b++)
	{
		int			ty = ar_etok_type(&d->t[b]);

		if (ar_etok_clitic(&d->t[b]) > 0 || ty == AR_E_LOCATION || ty == AR_E_ORGANIZATION)
			return 1;
	}
	return 0;
}

int
ar_rules_span_ok(const ar_edoc *d, ar_match *m, size_t from)
{
	size_t		a,
				b,
				b0,
				h;
	ar_match	g;

	/* a user's row always has its canonical; a tagger's span has no norm */
	if ((m->norm != NULL && m->strong == 2) || d->g == NULL)
		return 1;
	a = token_at(d, m->start);
	if (a >= d->n)
		return 1;
	for (b = a; b < d->n && d->t[b].start < m->end; b++)
		;
	b0 = b;
	/* a known longer name at the span's start is the span */
	if (ar_rules_gaz_match(d, a, &g) && g.last > b && g.last - a >= 2)
	{
		*m = g;
		return 1;
	}
	/*
	 * An organization head takes its genitive chain when the span cut it
	 * before a ل-genitive, a coordination or a known name (not before a
	 * mere adjective: مجلس النواب اللبناني stays مجلس النواب) ...
	 */
	if (m->type == AR_E_ORGANIZATION && org_rule(d, a, &g) && g.first == a &&
		g.last > b && chain_goes_on(d, b, g.last))
	{
		*m = g;
		return 1;
	}
	/* ... or left out (مستقبل المرسى); a descriptor stays out (قناة الجزيرة) */
	for (h = a; m->type != AR_E_PERSON && h > 0 && a - h < 3; h--)
	{
		if (d->t[h - 1].start < from || d->t[h].punct)
			break;
		if (!(d->t[h - 1].wflags & AR_W_DESCRIPTOR) &&
			org_rule(d, h - 1, &g) && g.first == h - 1 && g.last >= b)
		{
			*m = g;
			return 1;
		}
	}
	while (b - a > 1 && (d->t[b - 1].wflags & AR_W_CONNECT))
		b--;
	if (b != b0)
	{
		m->end = d->t[b - 1].start + d->t[b - 1].len;
		m->norm = NULL;
		m->norm_len = 0;
	}
	if (b - a == 1)
		return single_ok(d, a, m->type);
	return 1;
}

/* ---- normalized values ---- */

size_t
ar_rules_norm_bound(const char *text, size_t start, size_t end)
{
	return ar_normalize_bound(text + start, end - start, AR_N_PROFILE_SEARCH) +
		(end - start) * 2 + 16;
}

/* Is the token key k[0..n) a trigger word that may lead a name's span? */
static int
leading_trigger(const ar_gaz *g, const char *k, size_t n)
{
	const ar_gaz_rec *r = ar_gaz_find1(g, k, n);

	return r && (r->etype == AR_G_TITLE || r->etype == AR_G_LOC_HEAD ||
				 r->etype == AR_G_ORG_HEAD);
}

const char *
ar_rules_norm(const ar_gaz *g, int type, const char *text, size_t start, size_t end,
			  char *out, size_t *outlen)
{
	ar_tokenizer tz;
	ar_token	tok;
	size_t		o = 0,
				bstart = 0,
				blen = 0,
				ts[AR_GAZ_MAX_TOKENS],
				te[AR_GAZ_MAX_TOKENS];
	int			n = 0,
				i;

	/* a span cut out of لل starts at the article's ل: read ا before it */
	if (end - start > 2 && start >= 2 && memcmp(text + start, AR_LAM, 2) == 0 &&
		memcmp(text + start - 2, AR_LAM, 2) == 0)
	{
		memcpy(out, AR_ALEF, 2);
		o = 2;
	}
	ar_tok_init(&tz, text + start, end - start);
	while (ar_tok_next(&tz, &tok) != AR_T_END)
	{
		size_t		m,
					j = 0;

		if (tok.type == AR_T_BLANK)
		{
			if (blen == 0)
				bstart = tok.start;
			blen = tok.start + tok.len - bstart;
			continue;
		}
		if (n > 0)
		{
			j = blen ? ar_gaz_joiner(text + start + bstart, blen, out + o) : 0;
			if (j == 0)
				out[o] = ' ', j = 1;
			o += j;
		}
		m = ar_gaz_key(text + start + tok.start, tok.len, out + o);
		if (n < AR_GAZ_MAX_TOKENS)
		{
			ts[n] = n == 0 ? 0 : o;
			te[n] = o + m;
		}
		o += m;
		n++;
		blen = 0;
	}
	*outlen = o;
	if (g == NULL || n == 0 || n > AR_GAZ_MAX_TOKENS)
		return out;
	/* the whole span, then without its leading trigger words */
	for (i = 0; i < n; i++)
	{
		const ar_gaz_rec *r = ar_gaz_find1(g, out + ts[i], o - ts[i]);

		if (r && ((i == 0 && r->etype >= AR_E_PERSON && r->etype <= AR_E_NATIONALITY) ||
				  r->etype == type))
			return ar_gaz_canon(g, r, outlen);
		if (i + 1 >= n || !leading_trigger(g, out + ts[i], te[i] - ts[i]))
			break;
	}
	return out;
}
