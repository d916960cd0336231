/*
 * test/bench/core_bench.c
 *	  Throughput of the core (no server): normalize, tokenize, stem, entities.
 *
 * usage: core_bench CORPUS [ROUNDS] [GAZETTEER.tsv]
 * Each stage runs ROUNDS times over the whole corpus file; the median is
 * reported as MB/s of corpus bytes, so stages compare directly.  Entities are
 * built in only when src/core/ar_entities.h exists (mk/bench.mk defines
 * AR_BENCH_ENTITIES), so the benchmark builds at every stage of the project.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ar_normalize.h"
#include "ar_stem.h"
#include "ar_tokenize.h"
#ifdef AR_BENCH_ENTITIES
#include "ar_entities.h"
#include "ar_gazetteer.h"
#endif

static const char *corpus;
static size_t corpus_len;
static char *normbuf;
static size_t norm_len;
static volatile size_t sink;	/* keeps the optimizer from dropping work */

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int
cmp_double(const void *a, const void *b)
{
	double		x = *(const double *) a,
				y = *(const double *) b;

	return (x > y) - (x < y);
}

static void
stage_normalize(void)
{
	norm_len = ar_normalize(corpus, corpus_len, AR_N_PROFILE_SEARCH, normbuf);
	sink += norm_len;
}

static void
stage_tokenize(void)
{
	ar_tokenizer t;
	ar_token	tok;
	size_t		n = 0;

	ar_tok_init(&t, corpus, corpus_len);
	while (ar_tok_next(&t, &tok) != AR_T_END)
		n++;
	sink += n;
}

/* What the ar_stem dictionary does per document: normalize, then stem every Arabic token. */
static void
stage_stem(void)
{
	ar_tokenizer t;
	ar_token	tok;
	char		out[AR_STEM_MAX_BYTES + 8];
	size_t		n = 0;

	stage_normalize();
	ar_tok_init(&t, normbuf, norm_len);
	while (ar_tok_next(&t, &tok) != AR_T_END)
	{
		if (tok.type != AR_T_ARABIC)
			continue;
		if (tok.len > AR_STEM_MAX_BYTES)
			n += tok.len;
		else
			n += ar_stem_utf8(normbuf + tok.start, tok.len, out, AR_STEM_LIGHT);
	}
	sink += n;
}

#ifdef AR_BENCH_ENTITIES
static ar_gaz *gaz;
static size_t nentities;

static int
count_entity(void *arg, ar_etype type, size_t start, size_t len,
			 const char *norm, size_t norm_len)
{
	if (type != AR_E_PROGRESS)
		nentities++;
	return 0;
}

/* Entities per document (one line = one document), as ar_entities(body) sees them. */
static void
stage_entities(void)
{
	const char *p = corpus,
			   *end = corpus + corpus_len;

	nentities = 0;
	while (p < end)
	{
		const char *nl = memchr(p, '\n', (size_t) (end - p));
		size_t		n = nl ? (size_t) (nl - p) : (size_t) (end - p);

		if (ar_entities_run(gaz, p, n, count_entity, NULL) < 0)
		{
			fprintf(stderr, "ar_entities_run: out of memory\n");
			exit(1);
		}
		p += n + 1;
	}
	sink += nentities;
}

/* The shipped rows (name<TAB>type<TAB>canonical), as the extension loads them. */
static void
load_gazetteer(const char *path)
{
	FILE	   *f;
	char	   *line = NULL;
	size_t		cap = 0;
	ssize_t		n;
	size_t		rows = 0;

	gaz = ar_gaz_new();
	if (gaz == NULL)
	{
		fprintf(stderr, "ar_gaz_new: out of memory\n");
		exit(1);
	}
	if (path && (f = fopen(path, "r")) != NULL)
	{
		while ((n = getline(&line, &cap, f)) > 0)
		{
			char	   *name = line,
					   *type,
					   *canon;
			int			et;

			line[strcspn(line, "\r\n")] = '\0';
			if (line[0] == '#' || (type = strchr(name, '\t')) == NULL)
				continue;
			*type++ = '\0';
			if ((canon = strchr(type, '\t')) != NULL)
				*canon++ = '\0';
			if ((et = ar_etype_parse(type)) < 0)
				continue;
			if (ar_gaz_add(gaz, name, strlen(name), (ar_etype) et,
						   canon, canon ? strlen(canon) : 0) == 0)
				rows++;
		}
		free(line);
		fclose(f);
	}
	if (ar_gaz_build(gaz) != 0)
	{
		fprintf(stderr, "ar_gaz_build failed\n");
		exit(1);
	}
	fprintf(stderr, "gazetteer: %zu rows\n", rows);
}
#endif

static void
run(const char *name, void (*fn) (void), int rounds)
{
	double	   *t = malloc(sizeof(double) * (size_t) rounds);
	double		med;
	int			i;

	fn();						/* warm caches and page in the buffers */
	for (i = 0; i < rounds; i++)
	{
		double		t0 = now();

		fn();
		t[i] = now() - t0;
	}
	qsort(t, (size_t) rounds, sizeof(double), cmp_double);
	med = t[rounds / 2];
	printf("%-12s %8.3f s %9.1f MB/s\n", name, med, corpus_len / 1e6 / med);
	free(t);
}

int
main(int argc, char **argv)
{
	FILE	   *f;
	long		size;
	char	   *buf;
	int			rounds = argc > 2 ? atoi(argv[2]) : 5;

	if (argc < 2 || rounds < 1)
	{
		fprintf(stderr, "usage: %s CORPUS [ROUNDS] [GAZETTEER.tsv]\n", argv[0]);
		return 2;
	}
	if ((f = fopen(argv[1], "rb")) == NULL || fseek(f, 0, SEEK_END) != 0 ||
		(size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0)
	{
		perror(argv[1]);
		return 1;
	}
	buf = malloc((size_t) size + 1);
	if (buf == NULL || fread(buf, 1, (size_t) size, f) != (size_t) size)
	{
		perror(argv[1]);
		return 1;
	}
	fclose(f);
	corpus = buf;
	corpus_len = (size_t) size;
	if (ar_normalize_init() != 0)
	{
		fprintf(stderr, "ar_normalize_init failed (ICU data?)\n");
		return 1;
	}
	normbuf = malloc(ar_normalize_bound(corpus, corpus_len, AR_N_PROFILE_SEARCH) + 1);
	if (normbuf == NULL)
		return 1;

	printf("core, one thread, %.1f MB, median of %d rounds\n", corpus_len / 1e6, rounds);
	run("normalize", stage_normalize, rounds);
	run("tokenize", stage_tokenize, rounds);
	run("norm+stem", stage_stem, rounds);
#ifdef AR_BENCH_ENTITIES
	load_gazetteer(argc > 3 ? argv[3] : NULL);
	run("entities", stage_entities, rounds);
#else
	printf("%-12s (src/core/ar_entities.h not present)\n", "entities");
#endif
	return 0;
}
