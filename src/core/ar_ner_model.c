/*
 * ar_ner_model.c
 *	  Loading and scoring of the perceptron weights: a strict line parser and
 *	  an open-addressing table of 16-byte slots keyed by the feature id.
 *
 * A slot holds a 32-bit fingerprint (the id's high half) and the six weights
 * relative to O, so four slots share a cache line and a table of some 10^4
 * features stays in the L2 cache.  The slot index comes from the id's low
 * bits, so a false match needs 32 + log2(capacity) equal bits: about 10^-14
 * per lookup, and it would only shift scores, never read out of bounds.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ar_gazetteer.h"
#include "ar_ner_clusters.h"
#include "ar_ner_model.h"

#define NW (AR_NER_NTAGS - 1)

const char *const ar_ner_tag_names[AR_NER_NTAGS] = {
	"O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"
};

typedef struct slot
{
	uint32_t	fp;				/* fingerprint, 0 for an empty slot */
	int16_t		w[NW];			/* tags 1..6, relative to O */
} slot;

struct ar_ner_model
{
	slot	   *slots;
	size_t		cap;			/* power of two, at least 4/3 of nrows */
	size_t		nrows;
	int32_t		trans[AR_NER_NTAGS][AR_NER_NRTAGS][AR_NER_NTAGS];
	ar_ner_clusters *clusters;	/* word clusters the features use */
};

static inline uint32_t
fp_of(uint64_t id)
{
	uint32_t	fp = (uint32_t) (id >> 32);

	return fp ? fp : 1;
}

void
ar_ner_model_free(ar_ner_model *m)
{
	if (m == NULL)
		return;
	ar_ner_clusters_free(m->clusters);
	free(m->slots);
	free(m);
}

void
ar_ner_model_set_clusters(ar_ner_model *m, ar_ner_clusters *c)
{
	if (m == NULL)
	{
		ar_ner_clusters_free(c);
		return;
	}
	ar_ner_clusters_free(m->clusters);
	m->clusters = c;
}

const ar_ner_clusters *
ar_ner_model_clusters(const ar_ner_model *m)
{
	return m ? m->clusters : NULL;
}

size_t
ar_ner_model_count(const ar_ner_model *m)
{
	return m ? m->nrows : 0;
}

/* A parsed row before the table is built. */
typedef struct prow
{
	uint64_t	id;
	long		lineno;
	int16_t		w[NW];
} prow;

/* Build the table from rows[0..n-1]; 0, -1 on OOM, or the line of a duplicate. */
static long
build_table(ar_ner_model *m, const prow *rows, size_t n)
{
	size_t		cap = 64,
				i;

	/*
	 * load at most 3/8: most lookups are of features the model does not
	 * hold, and with linear probing those scan to an empty slot, which at a
	 * load of 3/4 takes some 8 probes, at 3/8 under 2
	 */
	while (cap * 3 < n * 8)
		cap *= 2;
	m->slots = calloc(cap, sizeof(slot));
	if (m->slots == NULL)
		return -1;
	m->cap = cap;
	for (i = 0; i < n; i++)
	{
		size_t		j = (size_t) rows[i].id & (cap - 1);
		uint32_t	fp = fp_of(rows[i].id);

		while (m->slots[j].fp)
		{
			if (m->slots[j].fp == fp)
				return rows[i].lineno;
			j = (j + 1) & (cap - 1);
		}
		m->slots[j].fp = fp;
		memcpy(m->slots[j].w, rows[i].w, sizeof(rows[i].w));
	}
	m->nrows = n;
	return 0;
}

static inline const slot *
lookup(const ar_ner_model *m, uint64_t id)
{
	size_t		mask = m->cap - 1,
				j = (size_t) id & mask;
	uint32_t	fp = fp_of(id);

	while (m->slots[j].fp)
	{
		if (m->slots[j].fp == fp)
			return &m->slots[j];
		j = (j + 1) & mask;
	}
	return NULL;
}

/* Parse "TAG:WEIGHT TAG:WEIGHT ..." of s[0..n-1] into row; 0 or -1. */
static int
parse_weights(const char *s, size_t n, int16_t *row)
{
	size_t		p = 0;
	int			seen = 0;

	memset(row, 0, AR_NER_NTAGS * sizeof(int16_t));
	while (p < n)
	{
		long		tag,
					v = 0;
		int			neg = 0,
					digits = 0;

		if (s[p] == ' ')
		{
			p++;
			continue;
		}
		if (s[p] < '0' || s[p] > '9')
			return -1;
		tag = s[p++] - '0';
		if (tag >= AR_NER_NTAGS || p >= n || s[p++] != ':' || (seen & (1 << tag)))
			return -1;
		seen |= 1 << tag;
		if (p < n && s[p] == '-')
		{
			neg = 1;
			p++;
		}
		while (p < n && s[p] >= '0' && s[p] <= '9' && digits < 6)
		{
			v = v * 10 + (s[p++] - '0');
			digits++;
		}
		if (digits == 0 || (p < n && s[p] != ' '))
			return -1;
		if (neg)
			v = -v;
		if (v < INT16_MIN || v > INT16_MAX)
			return -1;
		row[tag] = (int16_t) v;
	}
	return seen ? 0 : -1;
}

/*
 * "PREV<TAB>RULE<TAB>W0 W1 ... W6" of s[0..n-1] into m->trans; 0 or -1.
 * Weights are absolute (not relative to O): a transition's O weight
 * depends on the previous tag, so it does not cancel out of a path score.
 */
static int
parse_trans(ar_ner_model *m, const char *s, size_t n)
{
	size_t		p = 0;
	int			prev,
				rule,
				k;

	if (n < 4 || s[0] < '0' || s[0] >= '0' + AR_NER_NTAGS || s[1] != '\t' ||
		s[2] < '0' || s[2] >= '0' + AR_NER_NRTAGS || s[3] != '\t')
		return -1;
	prev = s[0] - '0';
	rule = s[2] - '0';
	p = 4;
	for (k = 0; k < AR_NER_NTAGS; k++)
	{
		long		v = 0;
		int			neg = 0,
					digits = 0;

		if (k > 0 && (p >= n || s[p++] != ' '))
			return -1;
		if (p < n && s[p] == '-')
		{
			neg = 1;
			p++;
		}
		while (p < n && s[p] >= '0' && s[p] <= '9' && digits < 9)
		{
			v = v * 10 + (s[p++] - '0');
			digits++;
		}
		if (digits == 0)
			return -1;
		m->trans[prev][rule][k] = (int32_t) (neg ? -v : v);
	}
	return p == n ? 0 : -1;
}

static int
header_is(const char *s, size_t n, const char *want)
{
	size_t		wl = strlen(want);

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\r'))
		n--;
	return n == wl && memcmp(s, want, wl) == 0;
}

/* Parse 16 hex digits into *id; 0 or -1. */
static int
parse_id(const char *s, size_t n, uint64_t *id)
{
	uint64_t	v = 0;
	size_t		i;

	if (n != 16)
		return -1;
	for (i = 0; i < n; i++)
	{
		int			c = (unsigned char) s[i],
					d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			return -1;
		v = v << 4 | (uint64_t) d;
	}
	*id = v;
	return 0;
}

ar_ner_model *
ar_ner_model_parse(const char *buf, size_t len, char *err, size_t errlen)
{
	ar_ner_model *m;
	prow	   *rows = NULL;
	size_t		nrows = 0,
				rcap = 0,
				p = 0;
	long		lineno = 0,
				dup;
	int			state = 0;		/* 0: want magic, 1: want tags, 2: features */
	char		tags[128];

	if (buf == NULL)
	{
		ar_ner_set_err(err, errlen, "no model data");
		return NULL;
	}
	m = calloc(1, sizeof(ar_ner_model));
	if (m == NULL)
		goto oom;
	snprintf(tags, sizeof(tags), "tags %s %s %s %s %s %s %s", ar_ner_tag_names[0],
			 ar_ner_tag_names[1], ar_ner_tag_names[2], ar_ner_tag_names[3],
			 ar_ner_tag_names[4], ar_ner_tag_names[5], ar_ner_tag_names[6]);
	while (p < len)
	{
		const char *line = buf + p,
				   *nl = memchr(line, '\n', len - p),
				   *tab;
		size_t		n = nl ? (size_t) (nl - line) : len - p;
		int16_t		row[AR_NER_NTAGS];
		prow	   *r;
		int			k;

		p += n + (nl ? 1 : 0);
		lineno++;
		if (n > 0 && line[n - 1] == '\r')
			n--;
		if (n == 0 || line[0] == '#')
			continue;
		if (state == 0)
		{
			if (!header_is(line, n, "ar_ner_model 3"))
			{
				ar_ner_set_err(err, errlen, "line %ld: expected \"ar_ner_model 3\"", lineno);
				goto fail;
			}
			state = 1;
			continue;
		}
		if (state == 1)
		{
			if (!header_is(line, n, tags))
			{
				ar_ner_set_err(err, errlen, "line %ld: expected \"%s\"", lineno, tags);
				goto fail;
			}
			state = 2;
			continue;
		}
		if (n > 6 && memcmp(line, "trans\t", 6) == 0)
		{
			if (parse_trans(m, line + 6, n - 6) != 0)
			{
				ar_ner_set_err(err, errlen, "line %ld: bad transition (want trans<TAB>PREV<TAB>RULE<TAB>%d integers)",
					       lineno, AR_NER_NTAGS);
				goto fail;
			}
			continue;
		}
		tab = memchr(line, '\t', n);
		if (tab == NULL || tab == line)
		{
			ar_ner_set_err(err, errlen, "line %ld: expected ID<TAB>WEIGHTS", lineno);
			goto fail;
		}
		if (nrows == rcap)
		{
			size_t		ncap = rcap ? rcap * 2 : 1024;
			prow	   *nr = realloc(rows, ncap * sizeof(prow));

			if (nr == NULL)
				goto oom;
			rows = nr;
			rcap = ncap;
		}
		r = &rows[nrows];
		if (parse_id(line, (size_t) (tab - line), &r->id) != 0)
		{
			ar_ner_set_err(err, errlen, "line %ld: bad feature id (want 16 hex digits)", lineno);
			goto fail;
		}
		if (parse_weights(tab + 1, n - (size_t) (tab + 1 - line), row) != 0)
		{
			ar_ner_set_err(err, errlen, "line %ld: bad weight list (want TAG:WEIGHT, tag 0-%d, int16)",
				       lineno, AR_NER_NTAGS - 1);
			goto fail;
		}
		for (k = 1; k < AR_NER_NTAGS; k++)
		{
			int32_t		v = (int32_t) row[k] - row[0];

			if (v < INT16_MIN || v > INT16_MAX)
			{
				ar_ner_set_err(err, errlen, "line %ld: weight of tag %d relative to O out of int16 range",
					       lineno, k);
				goto fail;
			}
			r->w[k - 1] = (int16_t) v;
		}
		r->lineno = lineno;
		nrows++;
	}
	if (state != 2)
	{
		ar_ner_set_err(err, errlen, "model header missing");
		goto fail;
	}
	dup = build_table(m, rows, nrows);
	if (dup < 0)
		goto oom;
	if (dup > 0)
	{
		ar_ner_set_err(err, errlen, "line %ld: duplicate feature", dup);
		goto fail;
	}
	free(rows);
	return m;
oom:
	ar_ner_set_err(err, errlen, "out of memory");
fail:
	free(rows);
	ar_ner_model_free(m);
	return NULL;
}

void
ar_ner_set_err(char *err, size_t errlen, const char *fmt, ...)
{
	va_list		ap;

	if (err == NULL || errlen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

char *
ar_ner_read_file(const char *path, size_t *lenp, char *err, size_t errlen)
{
	FILE	   *f;
	char	   *buf = NULL;
	size_t		len = 0,
				cap = 0,
				got;

	if (path == NULL || (f = fopen(path, "rb")) == NULL)
	{
		ar_ner_set_err(err, errlen, "could not open file: %s",
			       path ? strerror(errno) : "no path");
		return NULL;
	}
	for (;;)
	{
		if (len == cap)
		{
			size_t		ncap = cap ? cap * 2 : 1 << 16;
			char	   *nb = realloc(buf, ncap);

			if (nb == NULL)
			{
				free(buf);
				fclose(f);
				ar_ner_set_err(err, errlen, "out of memory");
				return NULL;
			}
			buf = nb;
			cap = ncap;
		}
		got = fread(buf + len, 1, cap - len, f);
		len += got;
		if (got == 0)
			break;
	}
	if (ferror(f))
	{
		free(buf);
		fclose(f);
		ar_ner_set_err(err, errlen, "could not read file");
		return NULL;
	}
	fclose(f);
	*lenp = len;
	return buf;
}

ar_ner_model *
ar_ner_model_load(const char *path, char *err, size_t errlen)
{
	size_t		len;
	char	   *buf = ar_ner_read_file(path, &len, err, errlen);
	ar_ner_model *m;

	if (buf == NULL)
		return NULL;
	m = ar_ner_model_parse(buf, len, err, errlen);
	free(buf);
	return m;
}

const int16_t *
ar_ner_model_row(const ar_ner_model *m, uint64_t id)
{
	const slot *sl;

	if (m == NULL || m->cap == 0)
		return NULL;
	sl = lookup(m, id);
	return sl ? sl->w : NULL;
}

void
ar_ner_model_add(const ar_ner_model *m, uint64_t id, int32_t *scores)
{
	ar_ner_add_row(ar_ner_model_row(m, id), scores);
}

void
ar_ner_model_score(const ar_ner_model *m, const uint64_t *ids, int n, int32_t *scores)
{
	int32_t		acc[NW] = {0};
	size_t		mask;
	int			i,
				k;

	if (m == NULL || m->cap == 0)
		return;
	mask = m->cap - 1;
#if defined(__GNUC__)
	for (i = 0; i < n; i++)
		__builtin_prefetch(&m->slots[(size_t) ids[i] & mask]);
#endif
	for (i = 0; i < n; i++)
	{
		const slot *sl = lookup(m, ids[i]);

		if (sl)
			for (k = 0; k < NW; k++)
				acc[k] += sl->w[k];
	}
	for (k = 0; k < NW; k++)
		scores[k + 1] += acc[k];
}

const int32_t *
ar_ner_model_trans(const ar_ner_model *m, int prev, int rule)
{
	static const int32_t zero[AR_NER_NTAGS];

	if (m == NULL || prev < 0 || prev >= AR_NER_NTAGS || rule < 0 || rule >= AR_NER_NRTAGS)
		return zero;
	return m->trans[prev][rule];
}

int
ar_ner_model_best(const int32_t *scores)
{
	int			k,
				best = 0;

	for (k = 1; k < AR_NER_NTAGS; k++)
		if (scores[k] > scores[best])
			best = k;
	return best;
}

int
ar_ner_tag_type(int tag, int *begin)
{
	static const int types[AR_NER_NTAGS] = {
		0, AR_E_PERSON, AR_E_PERSON, AR_E_LOCATION, AR_E_LOCATION,
		AR_E_ORGANIZATION, AR_E_ORGANIZATION
	};

	if (tag < 0 || tag >= AR_NER_NTAGS)
		tag = 0;
	*begin = tag > 0 && (tag & 1) == 1;
	return types[tag];
}
