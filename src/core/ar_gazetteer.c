/*
 * ar_gazetteer.c
 *	  Gazetteer storage: an arena of normalized keys and canonicals, a record
 *	  array and an open-addressing hash index over joined token keys.
 *
 * Longest match needs no trie: the record of a first token carries the
 * length (in tokens) of the longest entry that starts with it, so the engine
 * probes at most that many joined keys, longest first.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ar_chars.h"
#include "ar_gazetteer.h"
#include "ar_ner_clusters.h"
#include "ar_ner_model.h"
#include "ar_normalize.h"
#include "ar_tokenize.h"
#include "ar_utf8.h"

struct ar_gaz
{
	char	   *arena;
	size_t		arena_len;
	size_t		arena_cap;
	ar_gaz_rec *recs;
	size_t		nrecs;
	size_t		recs_cap;
	uint32_t   *index;			/* record number + 1; 0 = empty slot */
	size_t		index_cap;		/* power of two */
	size_t		nnames;
	int			built;
	ar_ner_model *model;		/* optional PER/LOC/ORG tagger */
};

static const char *const etype_names[] = {
	[AR_E_PERSON] = "person",
	[AR_E_ORGANIZATION] = "organization",
	[AR_E_LOCATION] = "location",
	[AR_E_NATIONALITY] = "nationality",
	[AR_E_DATE] = "date",
	[AR_E_NUMBER] = "number",
	[AR_E_MONEY] = "money",
	[AR_E_PERCENT] = "percent",
	[AR_E_URL] = "url",
	[AR_E_EMAIL] = "email",
	[AR_E_HASHTAG] = "hashtag",
	[AR_E_MENTION] = "mention",
	[AR_G_GIVEN_NAME] = "given_name",
	[AR_G_TITLE] = "title",
	[AR_G_ORG_HEAD] = "org_head",
	[AR_G_LOC_HEAD] = "location_head",
};
#define N_ETYPE_NAMES ((int) (sizeof(etype_names) / sizeof(etype_names[0])))

const char *
ar_etype_name(ar_etype t)
{
	if ((int) t <= 0 || (int) t >= N_ETYPE_NAMES)
		return NULL;
	return etype_names[t];
}

int
ar_etype_parse(const char *name)
{
	int			i;

	if (name == NULL)
		return -1;
	for (i = 1; i < N_ETYPE_NAMES; i++)
		if (etype_names[i] && strcmp(etype_names[i], name) == 0)
			return i;
	return -1;
}

/* Types a gazetteer row may carry. */
static int
row_type_ok(int t)
{
	return (t >= AR_E_PERSON && t <= AR_E_NATIONALITY) ||
		(t >= AR_G_GIVEN_NAME && t <= AR_G_LOC_HEAD);
}

size_t
ar_gaz_key(const char *s, size_t n, char *out)
{
	size_t		m = ar_normalize(s, n, AR_N_PROFILE_SEARCH, out),
				i;

	for (i = 0; i < m; i++)
		if (out[i] >= 'A' && out[i] <= 'Z')
			out[i] = (char) (out[i] - 'A' + 'a');
	return m;
}

ar_gaz *
ar_gaz_new(void)
{
	ar_gaz	   *g = calloc(1, sizeof(ar_gaz));

	if (g == NULL)
		return NULL;
	if (ar_lexicon_load(g) != 0)
	{
		ar_gaz_free(g);
		return NULL;
	}
	g->nnames = 0;
	return g;
}

void
ar_gaz_free(ar_gaz *g)
{
	if (g == NULL)
		return;
	free(g->arena);
	free(g->recs);
	free(g->index);
	ar_ner_model_free(g->model);
	free(g);
}

size_t
ar_gaz_count(const ar_gaz *g)
{
	return g ? g->nnames : 0;
}

static int
arena_put(ar_gaz *g, const char *s, size_t n, uint32_t *off)
{
	if (g->arena_len + n > g->arena_cap)
	{
		size_t		cap = g->arena_cap ? g->arena_cap * 2 : 65536;
		char	   *p;

		while (cap < g->arena_len + n)
			cap *= 2;
		if (cap > UINT32_MAX)
			return -1;
		p = realloc(g->arena, cap);
		if (p == NULL)
			return -1;
		g->arena = p;
		g->arena_cap = cap;
	}
	if (n)
		memcpy(g->arena + g->arena_len, s, n);
	*off = (uint32_t) g->arena_len;
	g->arena_len += n;
	return 0;
}

static int
index_grow(ar_gaz *g)
{
	size_t		cap = g->index_cap ? g->index_cap * 2 : 1024,
				i;
	uint32_t   *ix = calloc(cap, sizeof(uint32_t));

	if (ix == NULL)
		return -1;
	for (i = 0; i < g->nrecs; i++)
	{
		size_t		slot = (size_t) g->recs[i].hash & (cap - 1);

		while (ix[slot])
			slot = (slot + 1) & (cap - 1);
		ix[slot] = (uint32_t) (i + 1);
	}
	free(g->index);
	g->index = ix;
	g->index_cap = cap;
	return 0;
}

static ar_gaz_rec *
find_joined(const ar_gaz *g, uint64_t h, const char *key, size_t n)
{
	size_t		slot;

	if (g->index_cap == 0)
		return NULL;
	slot = (size_t) h & (g->index_cap - 1);
	while (g->index[slot])
	{
		ar_gaz_rec *r = &g->recs[g->index[slot] - 1];

		if (r->hash == h && r->key_len == n &&
			memcmp(g->arena + r->key_off, key, n) == 0)
			return r;
		slot = (slot + 1) & (g->index_cap - 1);
	}
	return NULL;
}

/* The record of a joined key, created empty if missing; NULL on OOM. */
static ar_gaz_rec *
get_rec(ar_gaz *g, const char *key, size_t n)
{
	uint64_t	h = ar_gaz_hash(AR_GAZ_HASH_INIT, key, n);
	ar_gaz_rec *r = find_joined(g, h, key, n);
	size_t		slot;

	if (r)
		return r;
	if ((g->nrecs + 1) * 2 > g->index_cap && index_grow(g) != 0)
		return NULL;
	if (g->nrecs == g->recs_cap)
	{
		size_t		cap = g->recs_cap ? g->recs_cap * 2 : 1024;
		ar_gaz_rec *p = realloc(g->recs, cap * sizeof(ar_gaz_rec));

		if (p == NULL)
			return NULL;
		g->recs = p;
		g->recs_cap = cap;
	}
	r = &g->recs[g->nrecs];
	memset(r, 0, sizeof(*r));
	r->hash = h;
	r->key_len = (uint32_t) n;
	if (arena_put(g, key, n, &r->key_off) != 0)
		return NULL;
	slot = (size_t) h & (g->index_cap - 1);
	while (g->index[slot])
		slot = (slot + 1) & (g->index_cap - 1);
	g->index[slot] = (uint32_t) (g->nrecs + 1);
	g->nrecs++;
	return r;
}

size_t
ar_gaz_joiner(const char *s, size_t n, char *out)
{
	size_t		p = 0,
				o = 0;
	int			nb;

	while (p < n)
	{
		uint32_t	cp = ar_utf8_decode((const unsigned char *) s + p, n - p, &nb);
		ar_cclass	c = ar_char_class(cp);

		if (c != AR_C_SPACE && c != AR_C_FORMAT && c != AR_C_JOINER)
		{
			int			dash = cp == '-' || (cp >= 0x2010 && cp <= 0x2015) ||
				cp == 0x2212 || cp == 0xFE58 || cp == 0xFE63 || cp == 0xFF0D;
			size_t		k = dash ? 1 : (size_t) nb;

			if (o + k > AR_GAZ_JOINER_MAX)
				return 0;
			if (dash)
				out[o] = '-';
			else
				memcpy(out + o, s + p, k);
			o += k;
		}
		p += (size_t) nb;
	}
	if (o == 0)
		out[o++] = ' ';
	return o;
}

/*
 * Normalize and tokenize name into buf as tokens joined by their joiners
 * (ar_gaz_joiner); returns the joined length and sets *ntok and *first
 * (length of the first token), or (size_t) -1 on OOM / a joiner too long,
 * and (size_t) -2 for too many tokens.
 */
static size_t
join_tokens(const char *name, size_t len, char **bufp, int *ntok, size_t *first)
{
	ar_tokenizer t;
	ar_token	tok;
	char	   *buf = malloc(ar_normalize_bound(name, len, AR_N_PROFILE_SEARCH) + len + 1);
	size_t		n = 0,
				blank_start = 0,
				blank_len = 0;

	*bufp = buf;
	*ntok = 0;
	*first = 0;
	if (buf == NULL)
		return (size_t) -1;
	ar_tok_init(&t, name, len);
	while (ar_tok_next(&t, &tok) != AR_T_END)
	{
		size_t		m,
					j = 0;

		if (tok.type == AR_T_BLANK)
		{
			if (blank_len == 0)
				blank_start = tok.start;
			blank_len = tok.start + tok.len - blank_start;
			continue;
		}
		if (*ntok > 0)
		{
			j = blank_len ? ar_gaz_joiner(name + blank_start, blank_len, buf + n) : 0;
			if (j == 0)
				return (size_t) -1;
		}
		m = ar_gaz_key(name + tok.start, tok.len, buf + n + j);
		if (m == 0)
			continue;			/* nothing left after folding: part of the blank */
		blank_len = 0;
		n += j + m;
		if (*ntok == 0)
			*first = m;
		if (++*ntok > AR_GAZ_MAX_TOKENS)
			return (size_t) -2;
	}
	return n;
}

/* Create/return the record of name; marks first-token maxlen. */
static ar_gaz_rec *
add_key(ar_gaz *g, const char *name, size_t len, int *ntokp)
{
	char	   *buf;
	int			ntok;
	size_t		first;
	size_t		n = join_tokens(name, len, &buf, &ntok, &first);
	ar_gaz_rec *r = NULL,
			   *f;

	if (n == (size_t) -2)
		ntok = -1;
	if (n == (size_t) -1 || n == (size_t) -2 || ntok == 0)
		goto done;
	/* the first token's record remembers the longest entry it starts */
	f = get_rec(g, buf, first);
	if (f == NULL)
		goto done;
	if (f->maxlen < ntok)
		f->maxlen = (uint8_t) ntok;
	r = ntok == 1 ? f : get_rec(g, buf, n);
done:
	free(buf);
	*ntokp = r ? ntok : (ntok < 0 ? -1 : 0);
	return r;
}

int
ar_gaz_add(ar_gaz *g, const char *name, size_t name_len, ar_etype type,
		   const char *canonical, size_t canon_len)
{
	return ar_gaz_add_row(g, name, name_len, type, canonical, canon_len, 0);
}

/* Valid UTF-8 without NUL: what a text column can hold, and all we accept. */
static int
valid_text(const char *s, size_t len)
{
	size_t		i = 0;

	while (i < len)
	{
		int			nb;

		if (s[i] == '\0' ||
			(ar_utf8_decode((const unsigned char *) s + i, len - i, &nb) == AR_UTF8_BAD && nb == 1))
			return 0;
		i += (size_t) nb;
	}
	return 1;
}

/* Precedence of row types for one name (ar_gazetteer.h); lower wins. */
static int
type_rank(ar_etype t)
{
	static const ar_etype order[] = {
		AR_E_PERSON, AR_E_ORGANIZATION, AR_E_LOCATION, AR_G_GIVEN_NAME,
		AR_E_NATIONALITY, AR_G_TITLE, AR_G_ORG_HEAD, AR_G_LOC_HEAD
	};
	int			i;

	for (i = 0; i < (int) (sizeof(order) / sizeof(order[0])); i++)
		if (order[i] == t)
			return i;
	return i;
}

/*
 * Does a new row (type, canonical, user) replace the name row r holds?  The
 * order is documented in ar_gazetteer.h: user over shipped, then the type
 * listed first, then the smaller canonical; never the order of arrival.
 */
static int
row_wins(const ar_gaz *g, const ar_gaz_rec *r, ar_etype type,
		 const char *canon, size_t clen, int user)
{
	int			old_user = (r->wflags & AR_W_USER) != 0;
	size_t		olen;
	const char *old;
	int			c;

	if (user != old_user)
		return user;
	if ((int) type != r->etype)
		return type_rank(type) < type_rank((ar_etype) r->etype);
	old = ar_gaz_canon(g, r, &olen);
	c = memcmp(canon, old, clen < olen ? clen : olen);
	return c < 0 || (c == 0 && clen < olen);
}

int
ar_gaz_add_row(ar_gaz *g, const char *name, size_t name_len, ar_etype type,
			   const char *canonical, size_t canon_len, int user)
{
	ar_gaz_rec *r;
	int			ntok;

	if (g == NULL || g->built || name == NULL || !row_type_ok((int) type) ||
		!valid_text(name, name_len) ||
		(canonical != NULL && !valid_text(canonical, canon_len)))
		return -1;
	r = add_key(g, name, name_len, &ntok);
	if (r == NULL)
		return ntok < 0 ? AR_GAZ_TOO_LONG : -1;
	if (canonical == NULL || canon_len == 0)
	{
		canonical = name;
		canon_len = name_len;
	}
	/* canonical kept as given, only trimmed */
	while (canon_len && (*canonical == ' ' || *canonical == '\t'))
		canonical++, canon_len--;
	while (canon_len && (canonical[canon_len - 1] == ' ' || canonical[canon_len - 1] == '\t'))
		canon_len--;
	if (r->etype != 0 && !row_wins(g, r, type, canonical, canon_len, user))
		return 0;
	if (arena_put(g, canonical, canon_len, &r->canon_off) != 0)
		return -1;
	r->canon_len = (uint32_t) canon_len;
	if (r->etype == 0)
		g->nnames++;
	r->etype = (uint8_t) type;
	if (user)
		r->wflags |= AR_W_USER;
	else
		r->wflags &= ~AR_W_USER;
	return 0;
}

int
ar_gaz_add_word(ar_gaz *g, const char *name, uint32_t wflags, int wval)
{
	ar_gaz_rec *r;
	int			ntok;

	if (g == NULL || g->built)
		return -1;
	r = add_key(g, name, strlen(name), &ntok);
	if (r == NULL)
		return -1;
	r->wflags |= wflags;
	if (wval)
		r->wval = (int16_t) wval;
	return 0;
}

int
ar_gaz_build(ar_gaz *g)
{
	if (g == NULL)
		return -1;
	g->built = 1;
	return 0;
}

int
ar_gaz_load_model(ar_gaz *g, const char *path)
{
	return ar_gaz_load_model_msg(g, path, NULL, 0);
}

int
ar_gaz_load_model_msg(ar_gaz *g, const char *path, char *err, size_t errlen)
{
	ar_ner_model *m;

	if (g == NULL)
		return -1;
	m = ar_ner_model_load(path, err, errlen);
	if (m == NULL)
		return -1;
	ar_ner_model_free(g->model);
	g->model = m;
	return 0;
}

const ar_ner_model *
ar_gaz_model(const ar_gaz *g)
{
	return g ? g->model : NULL;
}

int
ar_gaz_load_clusters_msg(ar_gaz *g, const char *path, char *err, size_t errlen)
{
	ar_ner_clusters *c;

	if (g == NULL || g->model == NULL)
	{
		if (err && errlen)
			snprintf(err, errlen, "no entity model to attach the clusters to");
		return -1;
	}
	c = ar_ner_clusters_load(path, err, errlen);
	if (c == NULL)
		return -1;
	ar_ner_model_set_clusters(g->model, c);
	return 0;
}

const ar_ner_clusters *
ar_gaz_clusters(const ar_gaz *g)
{
	return g ? ar_ner_model_clusters(g->model) : NULL;
}

ar_ner_model *
ar_gaz_swap_model(ar_gaz *g, ar_ner_model *m)
{
	ar_ner_model *old;

	if (g == NULL)
		return m;
	old = g->model;
	g->model = m;
	return old;
}

/* A malloc'd copy of n bytes (NULL for n == 0), or NULL on OOM via *ok = 0. */
static void *
dup_bytes(const void *p, size_t n, int *ok)
{
	void	   *q;

	if (n == 0)
		return NULL;
	q = malloc(n);
	if (q == NULL)
		*ok = 0;
	else
		memcpy(q, p, n);
	return q;
}

ar_gaz *
ar_gaz_copy(const ar_gaz *g)
{
	ar_gaz	   *c;
	int			ok = 1;

	if (g == NULL || (c = malloc(sizeof(ar_gaz))) == NULL)
		return NULL;
	*c = *g;
	c->arena = dup_bytes(g->arena, g->arena_cap, &ok);
	c->recs = dup_bytes(g->recs, g->recs_cap * sizeof(ar_gaz_rec), &ok);
	c->index = dup_bytes(g->index, g->index_cap * sizeof(uint32_t), &ok);
	c->model = NULL;
	c->built = 0;
	if (!ok)
	{
		ar_gaz_free(c);
		return NULL;
	}
	return c;
}

/* The record of name's normalized key, or NULL; -1 in *oom on OOM. */
static ar_gaz_rec *
find_name(const ar_gaz *g, const char *name, size_t name_len, int *oom)
{
	char	   *buf;
	int			ntok;
	size_t		first,
				n;
	ar_gaz_rec *r;

	*oom = 0;
	n = join_tokens(name, name_len, &buf, &ntok, &first);
	if (n == (size_t) -1 || n == (size_t) -2)
	{
		*oom = buf == NULL;
		free(buf);
		return NULL;			/* too many tokens or a joiner too long: no entry */
	}
	r = ntok ? find_joined(g, ar_gaz_hash(AR_GAZ_HASH_INIT, buf, n), buf, n) : NULL;
	free(buf);
	return r;
}

int
ar_gaz_is_user_row(const ar_gaz *g, const char *name, size_t name_len)
{
	ar_gaz_rec *r;
	int			oom;

	if (g == NULL || name == NULL || !valid_text(name, name_len))
		return 0;
	r = find_name(g, name, name_len, &oom);
	if (oom)
		return -1;
	return r != NULL && r->etype != 0 && (r->wflags & AR_W_USER) != 0;
}

int
ar_gaz_remove(ar_gaz *g, const char *name, size_t name_len)
{
	ar_gaz_rec *r;
	int			oom;

	if (g == NULL || g->built || name == NULL || !valid_text(name, name_len))
		return -1;
	r = find_name(g, name, name_len, &oom);
	if (oom)
		return -1;
	if (r != NULL && r->etype != 0)
	{
		r->etype = 0;
		r->canon_off = 0;
		r->canon_len = 0;
		r->wflags &= ~AR_W_USER;
		g->nnames--;
	}
	return 0;
}

const ar_gaz_rec *
ar_gaz_find1(const ar_gaz *g, const char *key, size_t n)
{
	if (g == NULL || n == 0)
		return NULL;
	return find_joined(g, ar_gaz_hash(AR_GAZ_HASH_INIT, key, n), key, n);
}

const ar_gaz_rec *
ar_gaz_find_parts(const ar_gaz *g, uint64_t h, const char *const *keys,
				  const size_t *lens, int n)
{
	size_t		slot,
				total = 0;
	int			i;

	if (g == NULL || g->index_cap == 0 || n <= 0)
		return NULL;
	for (i = 0; i < n; i++)
		total += lens[i];
	slot = (size_t) h & (g->index_cap - 1);
	while (g->index[slot])
	{
		const ar_gaz_rec *r = &g->recs[g->index[slot] - 1];

		if (r->hash == h && r->key_len == total)
		{
			const char *k = g->arena + r->key_off;
			size_t		p = 0;

			for (i = 0; i < n; i++)
			{
				if (memcmp(k + p, keys[i], lens[i]) != 0)
					break;
				p += lens[i];
			}
			if (i == n)
				return r;
		}
		slot = (slot + 1) & (g->index_cap - 1);
	}
	return NULL;
}

const char *
ar_gaz_canon(const ar_gaz *g, const ar_gaz_rec *r, size_t *len)
{
	if (r->canon_len)
	{
		*len = r->canon_len;
		return g->arena + r->canon_off;
	}
	*len = r->key_len;
	return g->arena + r->key_off;
}
