/*
 * ar_ner_clusters.c
 *	  Loading and lookup of the tagger's word clusters: a strict line parser
 *	  and an open-addressing table keyed by the hash of the word's key.
 *
 * A slot is the 64-bit hash and the two cluster ids; the hash is never 0
 * for a real key in practice, and a key hashing to 0 is stored as 1, so 0
 * marks an empty slot.  Two keys with the same 64-bit hash are reported as
 * a duplicate rather than silently merged.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ar_ner_clusters.h"
#include "ar_ner_model.h"

typedef struct cslot
{
	uint64_t	h;				/* 0: empty */
	uint64_t	ids;			/* RC RF LC LF, 16 bits each */
} cslot;

struct ar_ner_clusters
{
	cslot	   *slots;
	size_t		cap;			/* power of two */
	size_t		n;
};

static inline uint64_t
slot_key(uint64_t h)
{
	return h ? h : 1;
}

/* Insert; 0, or 1 if h is already there. */
static int
insert(ar_ner_clusters *c, uint64_t h, uint64_t ids)
{
	size_t		j = (size_t) (h ^ (h >> 29)) & (c->cap - 1);

	h = slot_key(h);
	while (c->slots[j].h)
	{
		if (c->slots[j].h == h)
			return 1;
		j = (j + 1) & (c->cap - 1);
	}
	c->slots[j].h = h;
	c->slots[j].ids = ids;
	c->n++;
	return 0;
}

/* A cluster number: decimal, at most 65534; -1 if not. */
static long
parse_num(const char *s, size_t n)
{
	long		v = 0;
	size_t		i;

	if (n == 0 || n > 5)
		return -1;
	for (i = 0; i < n; i++)
	{
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v < (long) AR_NER_NOCLUSTER ? v : -1;
}

ar_ner_clusters *
ar_ner_clusters_parse(const char *buf, size_t len, char *err, size_t errlen)
{
	ar_ner_clusters *c;
	size_t		p = 0,
				lines = 0;
	long		lineno = 0;
	int			header = 0;

	if (buf == NULL)
	{
		ar_ner_set_err(err, errlen, "no clusters data");
		return NULL;
	}
	/* at most one record a line: size the table from the line count */
	for (p = 0; p < len; p++)
		lines += buf[p] == '\n';
	c = calloc(1, sizeof(ar_ner_clusters));
	if (c == NULL)
		goto oom;
	c->cap = 64;
	while (c->cap * 3 < (lines + 1) * 4)
		c->cap *= 2;
	c->slots = calloc(c->cap, sizeof(cslot));
	if (c->slots == NULL)
		goto oom;
	p = 0;
	while (p < len)
	{
		const char *line = buf + p,
				   *nl = memchr(line, '\n', len - p),
				   *f,
				   *tab;
		size_t		n = nl ? (size_t) (nl - line) : len - p;
		uint64_t	ids = 0;
		int			k;

		p += n + (nl ? 1 : 0);
		lineno++;
		if (n > 0 && line[n - 1] == '\r')
			n--;
		if (n == 0 || line[0] == '#')
			continue;
		if (!header)
		{
			if (n != 17 || memcmp(line, "ar_ner_clusters 2", 17) != 0)
			{
				ar_ner_set_err(err, errlen, "line %ld: expected \"ar_ner_clusters 2\"", lineno);
				goto fail;
			}
			header = 1;
			continue;
		}
		tab = memchr(line, '\t', n);
		if (tab == NULL || tab == line)
		{
			ar_ner_set_err(err, errlen, "line %ld: expected KEY<TAB>RC<TAB>RF<TAB>LC<TAB>LF", lineno);
			goto fail;
		}
		f = tab + 1;
		for (k = 0; k < 4; k++)
		{
			const char *end = line + n,
					   *t = memchr(f, '\t', (size_t) (end - f));
			long		v;

			if ((k < 3) != (t != NULL))
			{
				ar_ner_set_err(err, errlen, "line %ld: expected KEY<TAB>RC<TAB>RF<TAB>LC<TAB>LF", lineno);
				goto fail;
			}
			v = parse_num(f, (size_t) ((t ? t : end) - f));
			if (v < 0)
			{
				ar_ner_set_err(err, errlen, "line %ld: bad cluster number (want 0-%u)", lineno,
					       AR_NER_NOCLUSTER - 1);
				goto fail;
			}
			ids = ids << 16 | (uint64_t) v;
			f = t ? t + 1 : end;
		}
		if (insert(c, ar_ner_hash(line, (size_t) (tab - line)), ids) != 0)
		{
			ar_ner_set_err(err, errlen, "line %ld: duplicate word", lineno);
			goto fail;
		}
	}
	if (!header)
	{
		ar_ner_set_err(err, errlen, "clusters header missing");
		goto fail;
	}
	return c;
oom:
	ar_ner_set_err(err, errlen, "out of memory");
fail:
	ar_ner_clusters_free(c);
	return NULL;
}

ar_ner_clusters *
ar_ner_clusters_load(const char *path, char *err, size_t errlen)
{
	size_t		len;
	char	   *buf = ar_ner_read_file(path, &len, err, errlen);
	ar_ner_clusters *c;

	if (buf == NULL)
		return NULL;
	c = ar_ner_clusters_parse(buf, len, err, errlen);
	free(buf);
	return c;
}

void
ar_ner_clusters_free(ar_ner_clusters *c)
{
	if (c == NULL)
		return;
	free(c->slots);
	free(c);
}

size_t
ar_ner_clusters_count(const ar_ner_clusters *c)
{
	return c ? c->n : 0;
}

uint64_t
ar_ner_clusters_get(const ar_ner_clusters *c, uint64_t h)
{
	size_t		j;

	if (c == NULL)
		return AR_NER_CL_NONE;
	j = (size_t) (h ^ (h >> 29)) & (c->cap - 1);
	h = slot_key(h);
	while (c->slots[j].h)
	{
		if (c->slots[j].h == h)
			return c->slots[j].ids;
		j = (j + 1) & (c->cap - 1);
	}
	return AR_NER_CL_NONE;
}
