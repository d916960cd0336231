/*
 * ner_cli.c
 *	  Command-line driver of the entity core for offline measurement: loads a
 *	  gazetteer TSV the way the PostgreSQL glue does, then runs ar_entities.
 *
 * usage: ner_cli GAZETTEER.tsv [--model PATH] [--clusters PATH] [--docs]
 *                                             one text per stdin line; prints
 *                                             line<TAB>type<TAB>start<TAB>length<TAB>normalized
 *                                             (1-based character positions, like substr)
 *        ner_cli GAZETTEER.tsv [--model PATH] [--clusters PATH] --bench FILE [N]
 *                                             throughput of N runs over FILE
 *        ner_cli GAZETTEER.tsv [--clusters PATH] [--docs] --features
 *                                             the tagger's feature ids of each word
 *                                             token, for tools/train_ner.py:
 *                                             line<TAB>byte start<TAB>byte length<TAB>forced(0/1)[<TAB>id]...<TAB>r=RTAG
 * Without --clusters, a model's clusters are read from ner_clusters.tsv
 * beside it when that exists (--clusters '' for none).
 * With --docs a text is a run of lines ended by an empty line (its lines
 * joined with newlines), and "line" above is the text's number.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ar_entities.h"
#include "ar_ner_model.h"
#include "ar_normalize.h"
#include "ar_utf8.h"

typedef struct
{
	const char *text;
	long		line;
	size_t		count;
} out_ctx;

static int
print_cb(void *arg, ar_etype type, size_t start, size_t len, const char *norm, size_t nlen)
{
	out_ctx    *o = arg;

	if (type == AR_E_PROGRESS)
		return 0;

	printf("%ld\t%s\t%zu\t%zu\t%.*s\n", o->line, ar_etype_name(type),
		   ar_utf8_count(o->text, start) + 1, ar_utf8_count(o->text + start, len),
		   (int) nlen, norm);
	return 0;
}

static int
count_cb(void *arg, ar_etype type, size_t start, size_t len, const char *norm, size_t nlen)
{
	(void) type, (void) start, (void) len, (void) norm, (void) nlen;
	((out_ctx *) arg)->count++;
	return 0;

	if (type == AR_E_PROGRESS)
		return 0;
}

/* Read name<TAB>type<TAB>canonical rows; '#' lines are comments. */
static ar_gaz *
load_gazetteer(const char *path)
{
	FILE	   *f = fopen(path, "r");
	ar_gaz	   *g = ar_gaz_new();
	char		line[4096];
	long		lineno = 0;

	if (f == NULL || g == NULL)
	{
		fprintf(stderr, "cannot open %s\n", path);
		exit(2);
	}
	while (fgets(line, sizeof(line), f))
	{
		char	   *name = line,
				   *type,
				   *canon;
		int			t;

		lineno++;
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		type = strchr(name, '\t');
		if (type == NULL)
			continue;
		*type++ = '\0';
		canon = strchr(type, '\t');
		if (canon)
			*canon++ = '\0';
		t = ar_etype_parse(type);
		if (t < 0 || ar_gaz_add(g, name, strlen(name), (ar_etype) t, canon,
								canon ? strlen(canon) : 0) != 0)
			fprintf(stderr, "%s:%ld: row rejected\n", path, lineno);
	}
	fclose(f);
	if (ar_gaz_build(g) != 0)
		exit(2);
	return g;
}

static int
feat_cb(void *arg, size_t start, size_t len, int forced, int nfeat,
		const char *const *feat, const size_t *flen)
{
	out_ctx    *o = arg;
	int			k;

	printf("%ld\t%zu\t%zu\t%d", o->line, start, len, forced);
	for (k = 0; k < nfeat; k++)
		printf("\t%.*s", (int) flen[k], feat[k]);
	putchar('\n');
	return 0;
}

static int
bench(const ar_gaz *g, const char *path, int runs)
{
	FILE	   *f = fopen(path, "rb");
	char	   *buf;
	long		n;
	out_ctx		o = {0};
	struct timespec a,
				b;
	double		secs;
	int			i;

	if (f == NULL)
		return 2;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t) n + 1);
	if (buf == NULL || fread(buf, 1, (size_t) n, f) != (size_t) n)
		return 2;
	fclose(f);
	clock_gettime(CLOCK_MONOTONIC, &a);
	for (i = 0; i < runs; i++)
		if (ar_entities_run(g, buf, (size_t) n, count_cb, &o) != 0)
			return 2;
	clock_gettime(CLOCK_MONOTONIC, &b);
	secs = (double) (b.tv_sec - a.tv_sec) + (double) (b.tv_nsec - a.tv_nsec) / 1e9;
	printf("%.1f MB in %.3f s: %.1f MB/s, %zu entities per run\n",
		   (double) n * runs / 1e6, secs, (double) n * runs / 1e6 / secs, o.count / (size_t) runs);
	free(buf);
	return 0;
}

int
main(int argc, char **argv)
{
	ar_gaz	   *g;
	char	   *line = NULL;
	size_t		cap = 0;
	ssize_t		n;
	out_ctx		o = {0};
	const char *model = NULL,
			   *clusters = NULL,
			   *bench_file = NULL;
	char	   *doc = NULL,
				default_clusters[4096];
	size_t		doc_len = 0,
				doc_cap = 0;
	int			docs = 0;
	int			bench_runs = 1,
				features = 0,
				a;

	if (argc < 2 || ar_normalize_init() != 0)
	{
		fprintf(stderr, "usage: ner_cli GAZETTEER.tsv [--model PATH] [--clusters PATH] [--docs] [--features | --bench FILE [N]]\n");
		return 2;
	}
	for (a = 2; a < argc; a++)
	{
		if (strcmp(argv[a], "--model") == 0 && a + 1 < argc)
			model = argv[++a];
		else if (strcmp(argv[a], "--features") == 0)
			features = 1;
		else if (strcmp(argv[a], "--clusters") == 0 && a + 1 < argc)
			clusters = argv[++a];
		else if (strcmp(argv[a], "--docs") == 0)
			docs = 1;
		else if (strcmp(argv[a], "--bench") == 0 && a + 1 < argc)
		{
			bench_file = argv[++a];
			if (a + 1 < argc && argv[a + 1][0] != '-')
				bench_runs = atoi(argv[++a]);
		}
		else
		{
			fprintf(stderr, "ner_cli: unrecognized argument \"%s\"\n", argv[a]);
			return 2;
		}
	}
	g = load_gazetteer(argv[1]);
	if (model && model[0])
	{
		char		err[256];

		if (ar_gaz_load_model_msg(g, model, err, sizeof(err)) != 0)
		{
			fprintf(stderr, "ner_cli: %s: %s\n", model, err);
			ar_gaz_free(g);
			return 2;
		}
	}
	/* by default the clusters installed beside the model (ner_clusters.tsv) */
	if (clusters == NULL && model && model[0])
	{
		const char *slash = strrchr(model, '/');
		size_t		dir = slash ? (size_t) (slash - model + 1) : 0;
		FILE	   *probe;

		snprintf(default_clusters, sizeof(default_clusters), "%.*sner_clusters.tsv",
				 (int) dir, model);
		if ((probe = fopen(default_clusters, "rb")) != NULL)
		{
			fclose(probe);
			clusters = default_clusters;
		}
	}
	if (clusters && clusters[0])
	{
		char		err[256];

		/* the clusters belong to a model: the feature dump gets an empty one */
		if (ar_gaz_model(g) == NULL && features)
		{
			static const char empty[] = "ar_ner_model 3\ntags O B-PER I-PER B-LOC I-LOC B-ORG I-ORG\n";

			ar_ner_model_free(ar_gaz_swap_model(g, ar_ner_model_parse(empty, sizeof(empty) - 1,
																	 NULL, 0)));
		}

		if (ar_gaz_load_clusters_msg(g, clusters, err, sizeof(err)) != 0)
		{
			fprintf(stderr, "ner_cli: %s: %s\n", clusters, err);
			ar_gaz_free(g);
			return 2;
		}
	}
	if (bench_file)
	{
		int			rc = bench(g, bench_file, bench_runs > 0 ? bench_runs : 1);

		ar_gaz_free(g);
		return rc;
	}
	while ((n = getline(&line, &cap, stdin)) >= 0)
	{
		int			rc;

		if (n > 0 && line[n - 1] == '\n')
			line[--n] = '\0';
		if (docs)
		{
			/* gather the document's lines; an empty line ends it */
			if (n > 0)
			{
				if (doc_len + (size_t) n + 2 > doc_cap)
				{
					doc_cap = (doc_len + (size_t) n + 2) * 2;
					doc = realloc(doc, doc_cap);
					if (doc == NULL)
						return 2;
				}
				if (doc_len > 0)
					doc[doc_len++] = '\n';
				memcpy(doc + doc_len, line, (size_t) n);
				doc_len += (size_t) n;
				doc[doc_len] = '\0';
				continue;
			}
			o.text = doc ? doc : "";
		}
		else
			o.text = line;
		o.line++;
		rc = features ? ar_entities_features(g, o.text, docs ? doc_len : (size_t) n, feat_cb, &o) :
			ar_entities_run(g, o.text, docs ? doc_len : (size_t) n, print_cb, &o);
		if (rc != 0)
			return 2;
		doc_len = 0;
	}
	free(doc);
	free(line);
	ar_gaz_free(g);
	return 0;
}
