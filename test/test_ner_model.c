/*
 * test_ner_model.c
 *	  Unit tests of the learned tagger: model and clusters parsing and their
 *	  errors, Viterbi decoding and its constraints, and the engine in model
 *	  mode with a tiny hand-written model.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "ar_entities.h"
#include "ar_ner_clusters.h"
#include "ar_ner_model.h"
#include "ar_normalize.h"
#include "ar_tagger.h"

#include <inttypes.h>

#define HEAD "ar_ner_model 3\ntags O B-PER I-PER B-LOC I-LOC B-ORG I-ORG\n"
#define ID "0123456789abcdef"

/*
 * O by default; a word is a person when the one before is the title-like
 * word "zzz" (w-1=zzz), and a person continues over the word after it (the
 * transition B-PER -> I-PER outweighs B-PER -> O and the bias).
 */
static char tiny_model[1024];

static uint64_t
wm1_zzz(void)
{
	return ar_ner_feat_id(AR_NF_W_M1, ar_ner_hash("zzz", 3));
}

static void
make_tiny_model(void)
{
	snprintf(tiny_model, sizeof(tiny_model),
			 "# tiny test model\n" HEAD
			 "trans\t1\t0\t0 0 15 0 0 0 0\n"
			 "%016" PRIx64 "\t0:10\n"
			 "%016" PRIx64 "\t1:50\n"
			 "%016" PRIX64 "\t0:100\n",
			 ar_ner_feat_id(AR_NF_BIAS, 1), wm1_zzz(),
			 ar_ner_feat_id(AR_NF_W, ar_ner_hash("stop", 4)));
}

typedef struct
{
	int			n;
	int			type[8];
	size_t		start[8];
	size_t		len[8];
} spans_t;

static int
collect(void *arg, ar_etype type, size_t start, size_t len, const char *norm, size_t nlen)
{
	spans_t    *s = arg;

	(void) norm, (void) nlen;
	if (type == AR_E_PROGRESS || s->n >= 8)
		return 0;
	s->type[s->n] = type;
	s->start[s->n] = start;
	s->len[s->n++] = len;
	return 0;
}

static int
count_feats(void *arg, size_t start, size_t len, int forced, int nfeat,
			const char *const *feat, const size_t *flen)
{
	(void) start, (void) len, (void) feat, (void) flen;
	if (!forced && nfeat > 0)
		(*(int *) arg)++;
	return 0;
}

static void
test_parse(void)
{
	char		err[200];
	ar_ner_model *m = ar_ner_model_parse(tiny_model, strlen(tiny_model), err, sizeof(err));
	int32_t		sc[AR_NER_NTAGS] = {0};
	int			begin;

	CHECK(m != NULL);
	CHECK(ar_ner_model_count(m) == 3);
	CHECK(ar_ner_model_trans(m, 1, 0)[2] == 15 && ar_ner_model_trans(m, 1, 0)[0] == 0);
	CHECK(ar_ner_model_trans(m, 0, 0)[2] == 0);
	CHECK(ar_ner_model_trans(m, 9, 0)[0] == 0 && ar_ner_model_trans(NULL, 1, 0)[2] == 0);
	ar_ner_model_add(m, wm1_zzz(), sc);
	ar_ner_model_add(m, ar_ner_feat_id(AR_NF_W, ar_ner_hash("zzz", 3)), sc);
	CHECK(sc[1] == 50 && sc[0] == 0);
	CHECK(ar_ner_model_best(sc) == 1);
	sc[1] = 0;
	CHECK(ar_ner_model_best(sc) == 0);	/* ties go to O */
	CHECK(ar_ner_tag_type(1, &begin) == AR_E_PERSON && begin);
	CHECK(ar_ner_tag_type(6, &begin) == AR_E_ORGANIZATION && !begin);
	CHECK(ar_ner_tag_type(0, &begin) == 0);
	ar_ner_model_free(m);
	ar_ner_model_free(NULL);
}

static void
expect_bad(const char *text, const char *want_msg)
{
	char		err[200] = "";
	ar_ner_model *m = ar_ner_model_parse(text, strlen(text), err, sizeof(err));

	CHECK(m == NULL);
	CHECK_HAS(err, want_msg);
	ar_ner_model_free(m);
}

static void
test_bad_models(void)
{
	char		err[200] = "";
	ar_gaz	   *g = ar_gaz_new();

	expect_bad("", "header missing");
	expect_bad("nonsense\n", "line 1: expected \"ar_ner_model 3\"");
	expect_bad("ar_ner_model 2\n", "line 1: expected \"ar_ner_model 3\"");
	expect_bad("ar_ner_model 3\ntags O B-PER\n", "line 2: expected \"tags");
	expect_bad(HEAD "trans\t1\t0\t1 2 3\n", "line 3: bad transition");
	expect_bad(HEAD "trans\t7\t0\t0 0 0 0 0 0 0\n", "line 3: bad transition");
	expect_bad(HEAD "trans\t1\t8\t0 0 0 0 0 0 0\n", "line 3: bad transition");
	expect_bad(HEAD "trans\t1\t0\t0 0 0 0 0 0 0 0\n", "line 3: bad transition");
	expect_bad(HEAD "trans\t1\t0\t0 0 x 0 0 0 0\n", "line 3: bad transition");
	expect_bad(HEAD ID " 0:1\n", "line 3: expected ID<TAB>WEIGHTS");
	expect_bad(HEAD "b\t0:1\n", "line 3: bad feature id");
	expect_bad(HEAD "0123456789abcdeg\t0:1\n", "line 3: bad feature id");
	expect_bad(HEAD ID "0\t0:1\n", "line 3: bad feature id");
	expect_bad(HEAD ID "\t7:1\n", "line 3: bad weight list");
	expect_bad(HEAD ID "\t0:40000\n", "line 3: bad weight list");
	expect_bad(HEAD ID "\t0:1 0:2\n", "line 3: bad weight list");
	expect_bad(HEAD ID "\t0:x\n", "line 3: bad weight list");
	expect_bad(HEAD ID "\t\n", "line 3: bad weight list");
	expect_bad(HEAD ID "\t0:-30000 1:30000\n", "line 3: weight of tag 1 relative to O");
	expect_bad(HEAD ID "\t0:1\n# c\n0123456789ABCDEF\t1:1\n", "line 5: duplicate feature");
	CHECK(ar_ner_model_parse(NULL, 0, err, sizeof(err)) == NULL);
	/* a missing file: an error, and the gazetteer keeps working without a model */
	CHECK(g != NULL);
	CHECK(ar_gaz_load_model(g, "/nonexistent/dir/ner_model.tsv") == -1);
	CHECK(ar_gaz_load_model_msg(g, "/nonexistent/dir/ner_model.tsv", err, sizeof(err)) == -1);
	CHECK(strstr(err, "could not open") != NULL);
	CHECK(ar_gaz_model(g) == NULL);
	ar_gaz_free(g);
}

/* Viterbi alone: the best path, not the best tag at each token. */
static void
test_viterbi(void)
{
	char		err[200];
	const char *text = HEAD "trans\t1\t0\t0 0 50 0 0 0 0\n";
	ar_ner_model *m = ar_ner_model_parse(text, strlen(text), err, sizeof(err));
	int32_t		em[3 * AR_NER_NTAGS];
	uint8_t		rt[3] = {0, 0, 0},
				work[3 * AR_NER_NTAGS],
				out[3];

	CHECK(m != NULL);
	/* greedy takes B-LOC (6 > 5), then may not go on with I-PER; Viterbi
	 * sees B-PER I-PER score more */
	memset(em, 0, sizeof(em));
	em[1] = 5;
	em[3] = 6;
	em[AR_NER_NTAGS + 2] = 10;
	ar_tagger_viterbi(NULL, em, rt, 2, work, out);
	CHECK(out[0] == 1 && out[1] == 2);
	/* a text never starts inside a name: I-PER is not a first tag */
	memset(em, 0, sizeof(em));
	em[2] = 100;
	ar_tagger_viterbi(NULL, em, rt, 1, work, out);
	CHECK(out[0] == 0);
	/* no I-LOC after O: the second token becomes B-LOC */
	memset(em, 0, sizeof(em));
	em[1] = em[3] = em[5] = -100;
	em[AR_NER_NTAGS + 4] = 50;
	em[AR_NER_NTAGS + 3] = 10;
	ar_tagger_viterbi(NULL, em, rt, 2, work, out);
	CHECK(out[0] == 0 && out[1] == 3);
	/* no I-ORG after B-PER, whatever the emissions say */
	memset(em, 0, sizeof(em));
	em[1] = 100;
	em[AR_NER_NTAGS + 6] = 100;
	ar_tagger_viterbi(NULL, em, rt, 2, work, out);
	CHECK(out[0] == 1 && out[1] != 6 && out[1] != 4);
	/* the model's transition carries a name over a weak token */
	memset(em, 0, sizeof(em));
	em[1] = 20;
	em[AR_NER_NTAGS + 2] = -10;
	em[2 * AR_NER_NTAGS + 2] = -10;
	ar_tagger_viterbi(m, em, rt, 3, work, out);
	CHECK(out[0] == 1 && out[1] == 2 && out[2] == 0);
	ar_tagger_viterbi(NULL, em, rt, 3, work, out);
	CHECK(out[0] == 1 && out[1] == 0 && out[2] == 0);
	/* but not where the rules saw another entity (rule tag 7 has no weight) */
	rt[1] = AR_TAGGER_RTAG_X;
	ar_tagger_viterbi(m, em, rt, 3, work, out);
	CHECK(out[0] == 1 && out[1] != 2);
	ar_tagger_viterbi(m, em, rt, 0, work, out);	/* nothing to do */
	ar_ner_model_free(m);
}

static void
expect_bad_clusters(const char *text, const char *want_msg)
{
	char		err[200] = "";
	ar_ner_clusters *c = ar_ner_clusters_parse(text, strlen(text), err, sizeof(err));

	CHECK(c == NULL);
	CHECK_HAS(err, want_msg);
	ar_ner_clusters_free(c);
}

static void
test_clusters(void)
{
	const char *text = "# test\nar_ner_clusters 2\nalpha\t1\t2\t3\t4\n"
		"\xd8\xaa\xd9\x88\xd9\x86\xd8\xb3\t0\t65534\t7\t0\n";
	char		err[200] = "";
	ar_ner_clusters *c = ar_ner_clusters_parse(text, strlen(text), err, sizeof(err));
	uint64_t	v;
	ar_gaz	   *g = ar_gaz_new();

	CHECK(c != NULL && ar_ner_clusters_count(c) == 2);
	v = ar_ner_clusters_get(c, ar_ner_hash("alpha", 5));
	CHECK(AR_NER_CL(v, AR_NER_CL_RC) == 1 && AR_NER_CL(v, AR_NER_CL_RF) == 2 &&
		  AR_NER_CL(v, AR_NER_CL_LC) == 3 && AR_NER_CL(v, AR_NER_CL_LF) == 4);
	v = ar_ner_clusters_get(c, ar_ner_hash("\xd8\xaa\xd9\x88\xd9\x86\xd8\xb3", 8));
	CHECK(AR_NER_CL(v, AR_NER_CL_RF) == 65534 && AR_NER_CL(v, AR_NER_CL_LC) == 7);
	CHECK(ar_ner_clusters_get(c, ar_ner_hash("beta", 4)) == AR_NER_CL_NONE);
	CHECK(ar_ner_clusters_get(NULL, 1) == AR_NER_CL_NONE);
	ar_ner_clusters_free(c);
	ar_ner_clusters_free(NULL);
	expect_bad_clusters("", "header missing");
	expect_bad_clusters("ar_ner_clusters 1\n", "line 1: expected \"ar_ner_clusters 2\"");
	expect_bad_clusters("ar_ner_clusters 2\nalpha\t1\t2\t3\n", "line 2: expected KEY");
	expect_bad_clusters("ar_ner_clusters 2\nalpha\t1\t2\t3\t4\t5\n", "line 2: expected KEY");
	expect_bad_clusters("ar_ner_clusters 2\n\t1\t2\t3\t4\n", "line 2: expected KEY");
	expect_bad_clusters("ar_ner_clusters 2\nalpha\t1\t65535\t3\t4\n", "line 2: bad cluster number");
	expect_bad_clusters("ar_ner_clusters 2\nalpha\t1\t-2\t3\t4\n", "line 2: bad cluster number");
	expect_bad_clusters("ar_ner_clusters 2\nalpha\t1\t\t3\t4\n", "line 2: bad cluster number");
	expect_bad_clusters("ar_ner_clusters 2\na\t1\t2\t3\t4\n#\na\t0\t0\t0\t0\n",
						"line 4: duplicate word");
	CHECK(ar_ner_clusters_parse(NULL, 0, err, sizeof(err)) == NULL);
	/* clusters belong to a model: none to attach them to is an error */
	CHECK(g != NULL);
	if (g == NULL)
		return;
	CHECK(ar_gaz_load_clusters_msg(g, "/nonexistent/dir/clusters.tsv", err, sizeof(err)) == -1);
	CHECK(strstr(err, "no entity model") != NULL);
	/* a missing file: an error, and no clusters attached */
	CHECK(ar_gaz_swap_model(g, ar_ner_model_parse(HEAD, strlen(HEAD), NULL, 0)) == NULL);
	CHECK(ar_gaz_load_clusters_msg(g, "/nonexistent/dir/clusters.tsv", err, sizeof(err)) == -1);
	CHECK(strstr(err, "could not open") != NULL);
	CHECK(ar_gaz_clusters(g) == NULL);
	/* they go with the model */
	c = ar_ner_clusters_parse(text, strlen(text), err, sizeof(err));
	ar_ner_model_set_clusters((ar_ner_model *) ar_gaz_model(g), c);
	CHECK(ar_gaz_clusters(g) == c && ar_ner_clusters_count(ar_gaz_clusters(g)) == 2);
	ar_ner_model_set_clusters(NULL, NULL);
	ar_gaz_free(g);
}

static void
test_tagging(void)
{
	const char *path = "test_ner_model.tmp";
	const char *text = "zzz Alpha Beta stop Gamma zzz Delta 2021";
	FILE	   *f = fopen(path, "wb");
	ar_gaz	   *g = ar_gaz_new();
	spans_t		s = {0};
	int			nf = 0;

	CHECK(f != NULL && g != NULL);
	if (f == NULL || g == NULL)
		return;
	fputs(tiny_model, f);
	fclose(f);
	CHECK(ar_gaz_build(g) == 0);
	CHECK(ar_gaz_load_model(g, path) == 0);
	remove(path);
	CHECK(ar_gaz_model(g) != NULL);
	CHECK(ar_entities_run(g, text, strlen(text), collect, &s) == 0);
	/* "Alpha Beta" (B-PER then I-PER), "Delta"; the year stays a number */
	CHECK(s.n == 3 && s.type[2] == AR_E_NUMBER);
	CHECK(s.type[0] == AR_E_PERSON && s.start[0] == 4 && s.len[0] == 10);
	CHECK(s.type[1] == AR_E_PERSON && s.start[1] == 30 && s.len[1] == 5);
	/* the features are served for every word token that may be a name */
	CHECK(ar_entities_features(g, text, strlen(text), count_feats, &nf) == 0);
	/* lowercase Latin words (zzz, stop) are not tagged: 4 of the 7 words */
	CHECK(nf == 4);
	CHECK(ar_entities_features(NULL, text, strlen(text), count_feats, &nf) == -1);
	/* reloading replaces the model; a bad file keeps the old one */
	f = fopen(path, "wb");
	CHECK(f != NULL);
	if (f)
	{
		fputs(HEAD ID "\tbad\n", f);
		fclose(f);
	}
	CHECK(ar_gaz_load_model(g, path) == -1);
	remove(path);
	CHECK(ar_gaz_model(g) != NULL);
	ar_gaz_free(g);
}

UNIT_SUITE(ner_model)
{
	CHECK(ar_normalize_init() == 0);
	make_tiny_model();
	test_parse();
	test_bad_models();
	test_viterbi();
	test_clusters();
	test_tagging();
}
