/*
 * ar_ner_model.c
 *	  Loading and scoring of the perceptron weights: a strict line parser and
 *	  an open-addressing table keyed by the 64-bit FNV-1a hash of a feature.
 *
 * Only hashes are kept, not the feature strings: at 64 bits a collision among
 * some 10^5 features is about 10^-9 likely, and a collision would only shift
 * scores, never read out of bounds.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ar_gazetteer.h"
#include "ar_ner_model.h"

const char *const ar_ner_tag_names[AR_NER_NTAGS] = {
	"O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"
};

/* One slot of the open-addressing table: the hash and the weights inline,
 * so that a lookup touches one cache line. */
typedef struct slot
{
	uint64_t	key;			/* feature hash */
	int16_t		w[AR_NER_NTAGS];
	int16_t		used;
} slot;

struct ar_ner_model
{
	slot	   *slots;
	size_t		cap;			/* power of two, at least twice nrows */
	size_t		nrows;
};

/*
 * Slot of a hash: FNV-1a's low bits depend only on the low bits of every
 * step, so features sharing a prefix cluster; mix the high bits in.
 */
static inline size_t
slot_of(uint64_t h, size_t cap)
{
	h ^= h >> 33;
	h *= UINT64_C(0xff51afd7ed558ccd);
	h ^= h >> 33;
	return (size_t) h & (cap - 1);
}

static void set_err(char *err, size_t errlen, const char *fmt, ...)
			__attribute__((format(printf, 3, 4)));

static void
set_err(char *err, size_t errlen, const char *fmt, ...)
{
	va_list		ap;

	if (err == NULL || errlen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

void
ar_ner_model_free(ar_ner_model *m)
{
	if (m == NULL)
		return;
	free(m->slots);
	free(m);
}

size_t
ar_ner_model_count(const ar_ner_model *m)
{
	return m ? m->nrows : 0;
}

/* Rehash into a table for at least want rows; -1 on OOM. */
static int
grow_index(ar_ner_model *m, size_t want)
{
	size_t		cap = m->cap ? m->cap : 1024,
				i;
	slot	   *ns;

	while (cap < want * 2)
		cap *= 2;
	if (cap == m->cap)
		return 0;
	ns = calloc(cap, sizeof(slot));
	if (ns == NULL)
		return -1;
	for (i = 0; i < m->cap; i++)
		if (m->slots[i].used)
		{
			size_t		j = slot_of(m->slots[i].key, cap);

			while (ns[j].used)
				j = (j + 1) & (cap - 1);
			ns[j] = m->slots[i];
		}
	free(m->slots);
	m->slots = ns;
	m->cap = cap;
	return 0;
}

static const slot *
lookup(const ar_ner_model *m, uint64_t h)
{
	size_t		j;

	if (m->cap == 0)
		return NULL;
	j = slot_of(h, m->cap);
	while (m->slots[j].used)
	{
		if (m->slots[j].key == h)
			return &m->slots[j];
		j = (j + 1) & (m->cap - 1);
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

static int
header_is(const char *s, size_t n, const char *want)
{
	size_t		wl = strlen(want);

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\r'))
		n--;
	return n == wl && memcmp(s, want, wl) == 0;
}

ar_ner_model *
ar_ner_model_parse(const char *buf, size_t len, char *err, size_t errlen)
{
	ar_ner_model *m;
	size_t		p = 0;
	long		lineno = 0;
	int			state = 0;		/* 0: want magic, 1: want tags, 2: features */
	char		tags[128];

	if (buf == NULL)
	{
		set_err(err, errlen, "no model data");
		return NULL;
	}
	m = calloc(1, sizeof(ar_ner_model));
	if (m == NULL || grow_index(m, 1) != 0)
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
		uint64_t	h;
		int16_t		row[AR_NER_NTAGS];

		p += n + (nl ? 1 : 0);
		lineno++;
		if (n > 0 && line[n - 1] == '\r')
			n--;
		if (n == 0 || line[0] == '#')
			continue;
		if (state == 0)
		{
			if (!header_is(line, n, "ar_ner_model 1"))
			{
				set_err(err, errlen, "line %ld: expected \"ar_ner_model 1\"", lineno);
				goto fail;
			}
			state = 1;
			continue;
		}
		if (state == 1)
		{
			if (!header_is(line, n, tags))
			{
				set_err(err, errlen, "line %ld: expected \"%s\"", lineno, tags);
				goto fail;
			}
			state = 2;
			continue;
		}
		tab = memchr(line, '\t', n);
		if (tab == NULL || tab == line)
		{
			set_err(err, errlen, "line %ld: expected FEATURE<TAB>WEIGHTS", lineno);
			goto fail;
		}
		h = ar_gaz_hash(AR_GAZ_HASH_INIT, line, (size_t) (tab - line));
		if (lookup(m, h) != NULL)
		{
			set_err(err, errlen, "line %ld: duplicate feature", lineno);
			goto fail;
		}
		if (parse_weights(tab + 1, n - (size_t) (tab + 1 - line), row) != 0)
		{
			set_err(err, errlen, "line %ld: bad weight list (want TAG:WEIGHT, tag 0-%d, int16)",
					lineno, AR_NER_NTAGS - 1);
			goto fail;
		}
		if (grow_index(m, m->nrows + 1) != 0)
			goto oom;
		{
			size_t		j = slot_of(h, m->cap);

			while (m->slots[j].used)
				j = (j + 1) & (m->cap - 1);
			m->slots[j].key = h;
			memcpy(m->slots[j].w, row, sizeof(row));
			m->slots[j].used = 1;
		}
		m->nrows++;
	}
	if (state != 2)
	{
		set_err(err, errlen, "model header missing");
		goto fail;
	}
	return m;
oom:
	set_err(err, errlen, "out of memory");
fail:
	ar_ner_model_free(m);
	return NULL;
}

ar_ner_model *
ar_ner_model_load(const char *path, char *err, size_t errlen)
{
	FILE	   *f;
	char	   *buf = NULL;
	size_t		len = 0,
				cap = 0,
				got;
	ar_ner_model *m;

	if (path == NULL || (f = fopen(path, "rb")) == NULL)
	{
		set_err(err, errlen, "could not open model file: %s",
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
				set_err(err, errlen, "out of memory");
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
		set_err(err, errlen, "could not read model file");
		return NULL;
	}
	fclose(f);
	m = ar_ner_model_parse(buf, len, err, errlen);
	free(buf);
	return m;
}

const int16_t *
ar_ner_model_row(const ar_ner_model *m, const char *f, size_t n)
{
	const slot *sl = lookup(m, ar_gaz_hash(AR_GAZ_HASH_INIT, f, n));

	return sl ? sl->w : NULL;
}

void
ar_ner_model_add(const ar_ner_model *m, const char *f, size_t n, int32_t *scores)
{
	ar_ner_add_row(ar_ner_model_row(m, f, n), scores);
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
