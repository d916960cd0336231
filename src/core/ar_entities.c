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
#include "ar_entity_rules.h"
#include "ar_normalize.h"
#include "ar_stem.h"
#include "ar_tagger.h"
#include "ar_utf8.h"


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
	size_t		unreported;		/* bytes worked on since the last progress report */
	size_t		emitted_end;	/* end of the last entity emitted */
	/* model mode (see "model mode" below) */
	ar_tagger  *tagger;			/* NULL: the rules alone */
	size_t		cover_end;		/* window index after the gazetteer cover */
	int			cover_tag;		/* its B- tag (ctag) */
} run_state;


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
	/*
	 * The stemmer's proclitic split gives the lookup key without proclitics
	 * (and the tagger's features); whether the span may start after it is
	 * the rules' call (ar_rules_clitic): باتريك keeps its ب.
	 */
	if (tok->type == AR_T_ARABIC && klen >= 6)
	{
		size_t		sk;
		int			rk = ar_rules_clitic(d->g, key, klen, &sk);

		k = rk > 0 && (size_t) rk < sk ? (size_t) rk : sk;
		t->real_cl = rk > 0;
	}
	kb = 2 * k;					/* the clitic letters are two bytes each */
	if (k > 0 && (t->cl_src = (uint32_t) clitic_src(src, tok->len, k)) != 0)
	{
		/* لل: the preposition merged with the article; look up as ال… */
		if (klen > kb + 2 && memcmp(key + kb - 2, AR_LAM, 2) == 0 &&
			memcmp(key + kb, AR_LAM, 2) == 0)
		{
			char	   *alt = d->keys + d->keys_len;

			memcpy(alt, AR_ALEF, 2);
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
	t->article = t->skey_len > 4 && memcmp(d->keys + t->skey_off, AR_ALEF_LAM, 4) == 0;
	t->upper = tok->type == AR_T_WORD && is_upper_acronym(src, tok->len);
	if (st->tagger)
		ar_tagger_prepare(d, t);
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

/*
 * Count bytes of work and report progress (AR_E_PROGRESS) every
 * AR_E_PROGRESS_BYTES of them, so that a caller can stop a run even inside
 * one huge word, where the window never fills.  Returns the callback's value.
 */
static int
progress(run_state *st, size_t bytes)
{
	st->unreported += bytes;
	if (st->unreported < AR_E_PROGRESS_BYTES)
		return 0;
	st->unreported = 0;
	return st->cb(st->arg, AR_E_PROGRESS, st->tz.pos, 0, NULL, 0);
}

/*
 * Fill the window; -1 on OOM, or the callback's nonzero value from a
 * progress report.  A token counts as work once when read and once when
 * prepared (normalized and looked up).
 */
static int
fill(run_state *st)
{
	ar_edoc    *d = &st->d;
	ar_token	tok;
	int			rc;

	while (d->n < AR_EDOC_WINDOW && !d->eof)
	{
		if (ar_tok_next(&st->tz, &tok) == AR_T_END)
		{
			d->eof = 1;
			break;
		}
		if ((rc = progress(st, tok.len)) != 0)
			return rc;
		if (tok.type == AR_T_BLANK)
		{
			if (!st->pending_punct && blank_has_punct(d->s + tok.start, tok.len))
				st->pending_punct = 1;
			continue;
		}
		if (add_token(st, &tok) != 0)
			return -1;
		if ((rc = progress(st, tok.len)) != 0)
			return rc;
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

/*
 * The rules' findings under the short names model mode below uses
 * (ar_entity_rules.h is the interface).
 */
static inline int
foreign_clitic(const ar_etok *t)
{
	return ar_etok_foreign_clitic(t);
}

static inline int
gaz_match(const ar_edoc *d, size_t i, ar_match *m)
{
	return ar_rules_gaz_match(d, i, m);
}

/* ---- emission ---- */

/* Room for n bytes in the scratch buffer; -1 on OOM. */
static int
scratch_reserve(run_state *st, size_t n)
{
	if (n > st->scratch_cap)
	{
		size_t		cap = n + 64;
		char	   *p = realloc(st->scratch, cap);

		if (p == NULL)
			return -1;
		st->scratch = p;
		st->scratch_cap = cap;
	}
	return 0;
}

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

	if (scratch_reserve(st, bound + 1) != 0)
		return NULL;
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

/*
 * Emit m.  A name without a value yet (found by a rule or the tagger) gets
 * its grouping key from ar_rules_norm, whoever decided its span.
 */
static int
emit(run_state *st, const ar_match *mm)
{
	ar_match	copy = *mm;
	const ar_match *m = &copy;
	const char *norm;
	size_t		nlen;

	if (copy.type == AR_E_PERSON || copy.type == AR_E_LOCATION ||
		copy.type == AR_E_ORGANIZATION)
	{
		if (mm->norm >= mm->buf && mm->norm < mm->buf + sizeof(mm->buf))
			copy.norm = copy.buf + (mm->norm - mm->buf);
		if (!ar_rules_span_ok(&st->d, &copy, st->emitted_end))
			return 0;
	}
	/* a span extended by the rules covers what was decided after it */
	if (copy.start < st->emitted_end)
		return 0;
	st->emitted_end = copy.end;
	norm = m->norm;
	nlen = m->norm_len;
	if (norm == NULL && (m->type == AR_E_PERSON || m->type == AR_E_LOCATION ||
						 m->type == AR_E_ORGANIZATION))
	{
		if (scratch_reserve(st, ar_rules_norm_bound(st->d.s, m->start, m->end)) != 0)
			return -1;
		norm = ar_rules_norm(st->d.g, m->type, st->d.s, m->start, m->end, st->scratch, &nlen);
	}
	else if (norm == NULL)
	{
		norm = display_norm(st, m->start, m->end, &nlen);
		if (norm == NULL)
			return -1;
	}
	/* a span whose normalized value is empty (@ﹱ: tatweel, fathatan) names nothing */
	if (nlen == 0)
		return 0;
	return st->cb(st->arg, (ar_etype) m->type, m->start, m->end - m->start, norm, nlen);
}

/* Best match at token i; returns 1 with m filled, or 0. */
static int
match_at(run_state *st, size_t i, ar_match *m)
{
	const ar_edoc *d = &st->d;
	const ar_etok *t = &d->t[i];

	switch (t->type)
	{
		case AR_T_URL:
		case AR_T_EMAIL:
		case AR_T_HASHTAG:
		case AR_T_MENTION:
			ar_match_set(d, m, t->type == AR_T_URL ? AR_E_URL : t->type == AR_T_EMAIL ?
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
	if ((t->wflags & (AR_W_WEEKDAY | AR_W_YEARWORD | AR_W_MONTH | AR_W_MONTH2)) &&
		ar_dates_match(d, i, m))
		return 1;
	return ar_rules_names(d, i, m);
}

/* ---- model mode ----
 *
 * With a model on the gazetteer, the rules still run token by token as
 * above, but a PER/LOC/ORG match is no longer emitted: it becomes features
 * of the tagger (ar_tagger.h), which decides the name spans.  Other matches
 * (dates, amounts, tags, nationalities, users' own names) are emitted as
 * before; the tagger's segment is decoded before them and their tokens are
 * not tagged.
 */

static int
is_name_type(int type)
{
	return type == AR_E_PERSON || type == AR_E_LOCATION || type == AR_E_ORGANIZATION;
}

/* B- rules' tag (1, 3, 5, 7) of a name or nationality type. */
static int
type_btag(int type)
{
	return type == AR_E_PERSON ? 1 : type == AR_E_LOCATION ? 3 :
		type == AR_E_ORGANIZATION ? 5 : 7;
}

/* ctag of token i: the longest gazetteer name covering it, left to right. */
static int
cover_tag(run_state *st, size_t i)
{
	ar_match	g;

	if (i < st->cover_end)
		return st->cover_tag + 1;
	if (gaz_match(&st->d, i, &g))
	{
		st->cover_end = g.last;
		st->cover_tag = type_btag(g.type);
		return st->cover_tag;
	}
	return 0;
}

static int
emit_tagged(void *arg, const ar_match *m)
{
	return emit((run_state *) arg, m);
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
	/* the users' own names (watch lists) are kept as they are */
	if (got && (!is_name_type(m.type) || m.strong == 2))
	{
		if ((rc = ar_tagger_flush(st->tagger)) != 0)
			return rc;

		/*
		 * The spans just emitted wrote their values into the scratch buffer,
		 * where m's value (a URL's) may live: match again.
		 */
		if (match_at(st, *pos, &m) < 0)
			return -1;
		for (i = *pos; i < end; i++)
		{
			d->t[i].rtag = AR_TAGGER_RTAG_X;
			d->t[i].ctag = 0;
			if ((rc = ar_tagger_forced(st->tagger, d, i)) != 0)
				return rc;
		}
		*pos = end;
		return emit(st, &m);
	}
	if (got)
	{
		bt = type_btag(m.type);
		for (i = *pos; i < end; i++)
			d->t[i].rtag = (uint8_t) (i < m.first ? 0 : i == m.first ? bt : bt + 1);
		if (ar_tagger_rule(st->tagger, &m, d->t[m.first].start, end - *pos) != 0)
			return -1;
	}
	else
		d->t[*pos].rtag = 0;
	for (i = *pos; i < end; i++)
	{
		const ar_etok *t = &d->t[i];

		d->t[i].ctag = (uint8_t) cover_tag(st, i);
		if ((rc = ar_tagger_push(st->tagger, d, i,
								 foreign_clitic(t) ? t->start + t->cl_src : t->start)) != 0)
			return rc;
	}
	*pos = end;
	return 0;
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
	mmode = ar_gaz_model(g) != NULL || fcb != NULL;
	if (mmode && (st.tagger = ar_tagger_new(g, fcb, farg, emit_tagged, &st)) == NULL)
	{
		ar_gaz_free(own);
		return -1;
	}
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

		if ((rc = fill(&st)) != 0)
			goto done;
		while (pos < st.d.n && (st.d.eof || pos + AR_EDOC_LOOKAHEAD <= st.d.n))
		{
			ar_match	m;
			int			got;

			/* matching and tagging read the token again */
			if ((rc = progress(&st, st.d.t[pos].len)) != 0)
				goto done;

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
				rc = ar_tagger_flush(st.tagger);
			break;
		}
		if (pos > st.d.n)
			pos = st.d.n;
		/*
		 * The tagger's spans are checked by the rules on the window: decode
		 * them before their tokens leave it.  Its features look two tokens
		 * back: keep them.
		 */
		if (mmode && (rc = ar_tagger_flush(st.tagger)) != 0)
			goto done;
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
	ar_tagger_free(st.tagger);
	ar_gaz_free(own);
	return rc;
}
