/*
 * ar_ner_model.h
 *	  Learned PER/LOC/ORG tagger of the entity engine: the weights of a
 *	  structured averaged perceptron over hashed token features (emission
 *	  weights per feature, transition weights per tag pair), from a text file.
 *
 * The model is a read-only table from 64-bit feature ids to one int16 weight
 * per tag, built once by ar_ner_model_load_* and shared by any number of
 * concurrent runs.  The features themselves are computed by the tagger
 * (ar_tagger.c), which also serves their ids to the training program
 * (tools/train_ner.py through test/ner_cli --features), so training and
 * inference cannot drift apart: both take the ids from the same C code.
 *
 * A feature id is ar_ner_feat_id(kind, value): kind one of AR_NF_*, value a
 * small integer or the FNV-1a hash (ar_ner_hash) of a byte string.  No string
 * is built while tagging.
 *
 * File format (UTF-8, one record a line, '#' lines are comments):
 *   ar_ner_model 3
 *   tags O B-PER I-PER B-LOC I-LOC B-ORG I-ORG
 *   trans<TAB>PREV<TAB>RULE<TAB>W0 W1 W2 W3 W4 W5 W6
 *   ID<TAB>TAG:WEIGHT TAG:WEIGHT ...
 * A trans line gives the score of each tag after tag PREV (0-6) on a token
 * whose rules' tag is RULE (0-7, ar_tagger.h), absolute int32 weights; the
 * pairs not listed score 0.
 * ID is a feature id in 16 lowercase or uppercase hex digits, TAG a tag index
 * (0-6), WEIGHT an integer in [-32768, 32767].  A tag absent from a
 * feature's list has weight 0.  A feature listed twice is an error.  Only
 * differences to O matter to the argmax, so the table keeps WEIGHT - O's
 * weight for tags 1-6, which must also fit in int16.
 */
#ifndef AR_NER_MODEL_H
#define AR_NER_MODEL_H

#include <stddef.h>
#include <stdint.h>

#define AR_NER_NTAGS 7

/* Tag indexes: O, then B-/I- for PER, LOC, ORG in that order. */
#define AR_NER_O 0

/* Rules' tags of a token: the tags above, and 7 for another entity. */
#define AR_NER_NRTAGS 8

extern const char *const ar_ner_tag_names[AR_NER_NTAGS];

/*
 * Feature kinds (spec in ar_tagger.c).  The numbers are part
 * of the model file: never renumber, only append.
 */
typedef enum ar_ner_fkind
{
	AR_NF_BIAS = 1,
	AR_NF_W,					/* w=     */
	AR_NF_S,					/* s=     */
	AR_NF_P1, AR_NF_P2, AR_NF_P3,
	AR_NF_X1, AR_NF_X2, AR_NF_X3,
	AR_NF_T,					/* t=     */
	AR_NF_G,					/* g=     */
	AR_NF_F,					/* f=     */
	AR_NF_C,					/* c=     */
	AR_NF_R,					/* r=     */
	AR_NF_R_M1,					/* r-1=   */
	AR_NF_RC,					/* r|c=   */
	AR_NF_W_M1, AR_NF_W_M2, AR_NF_W_P1, AR_NF_W_P2,
	AR_NF_S_M1, AR_NF_S_P1,
	AR_NF_G_M1, AR_NF_G_P1,
	AR_NF_T_M1, AR_NF_T_P1,
	AR_NF_X2_M1, AR_NF_X2_P1,
	AR_NF_W_M1_S,				/* w-1|s= */
	AR_NF_PT,					/* pt=    (model 2, unused) */
	AR_NF_PT_R,					/* pt|r=  (model 2, unused) */
	AR_NF_K, AR_NF_KF,			/* coarse, fine right-context cluster */
	AR_NF_KF_M1, AR_NF_KF_P1,
	AR_NF_K_M1, AR_NF_K_P1, AR_NF_K_M2, AR_NF_K_P2,
	AR_NF_KF_M1_KF,				/* pair of fine clusters (-1, 0) */
	AR_NF_KF_KF_P1,				/* pair of fine clusters (0, +1) */
	AR_NF_L, AR_NF_LF,			/* coarse, fine left-context cluster */
	AR_NF_LF_M1, AR_NF_LF_P1,
	AR_NF_S_M1_KF,				/* previous SKEY with the fine cluster */
	AR_NF_KF_S_P1,				/* fine cluster with the next SKEY */
	AR_NF_MEM,					/* document memory (ar_tagger.c) */
	AR_NF_MEM_R					/* the same with the rules' tag */
} ar_ner_fkind;

/* Values of key features past the ends of the text (<s>, </s>). */
#define AR_NF_BOS UINT64_C(0x5eb0f5eb0f5eb0f1)
#define AR_NF_EOS UINT64_C(0xe0fe0fe0fe0fe0f3)

/* FNV-1a, 64 bits, of s[0..n-1]: the value of a string feature. */
static inline uint64_t
ar_ner_hash(const char *s, size_t n)
{
	uint64_t	h = UINT64_C(0xcbf29ce484222325);
	size_t		i;

	for (i = 0; i < n; i++)
	{
		h ^= (unsigned char) s[i];
		h *= UINT64_C(0x100000001b3);
	}
	return h;
}

/*
 * Id of a feature: the kind spread over all bits, then a 64-bit finalizer
 * (MurmurHash3's), which is a bijection, so distinct (kind, value) pairs
 * with small values never collide and every bit of the id is usable for
 * both the table slot and its fingerprint.
 */
static inline uint64_t
ar_ner_feat_id(int kind, uint64_t v)
{
	v ^= (uint64_t) kind * UINT64_C(0x9e3779b97f4a7c15);
	v ^= v >> 33;
	v *= UINT64_C(0xff51afd7ed558ccd);
	v ^= v >> 33;
	v *= UINT64_C(0xc4ceb9fe1a85ec53);
	v ^= v >> 33;
	return v;
}

/* Value of a pair of features (w-1|s=): order matters. */
static inline uint64_t
ar_ner_pair(uint64_t a, uint64_t b)
{
	return a * UINT64_C(0xff51afd7ed558ccd) + b;
}

typedef struct ar_ner_model ar_ner_model;

/*
 * Parse a model from buf[0..len-1].  Returns NULL on a malformed file or OOM,
 * with a message (line number included) in err when err is not NULL.
 */
ar_ner_model *ar_ner_model_parse(const char *buf, size_t len, char *err, size_t errlen);

/* Read and parse a model file; NULL with a message in err on any error. */
ar_ner_model *ar_ner_model_load(const char *path, char *err, size_t errlen);

/*
 * The whole of a file in a malloc'd buffer (the model's and the clusters'
 * loader), its size in *len; NULL with a message in err.
 */
char	   *ar_ner_read_file(const char *path, size_t *len, char *err, size_t errlen);

/*
 * Format a message into err (at most errlen bytes) when err is not NULL:
 * how the model's and the clusters' parsers report an error.
 */
void		ar_ner_set_err(char *err, size_t errlen, const char *fmt,...)
			__attribute__((format(printf, 3, 4)));

void		ar_ner_model_free(ar_ner_model *m);

struct ar_ner_clusters;

/*
 * Give m its word clusters (m owns them from now on and frees them; any
 * previous ones are freed).  The clusters belong to the model: features were
 * trained with them.
 */
void		ar_ner_model_set_clusters(ar_ner_model *m, struct ar_ner_clusters *c);

/* m's clusters, or NULL (also for a NULL m). */
const struct ar_ner_clusters *ar_ner_model_clusters(const ar_ner_model *m);

/* Number of features held. */
size_t		ar_ner_model_count(const ar_ner_model *m);

/*
 * Weights of feature id for tags 1..AR_NER_NTAGS-1, relative to O (row[k-1]
 * is tag k's), or NULL if unknown.
 */
const int16_t *ar_ner_model_row(const ar_ner_model *m, uint64_t id);

static inline void
ar_ner_add_row(const int16_t *row, int32_t *scores)
{
	int			k;

	if (row)
		for (k = 1; k < AR_NER_NTAGS; k++)
			scores[k] += row[k - 1];
}

/* Add the weights of feature id (if known) to scores[AR_NER_NTAGS]. */
void		ar_ner_model_add(const ar_ner_model *m, uint64_t id, int32_t *scores);

/*
 * Add the weights of ids[0..n-1] to scores; the table lines are fetched
 * before any is read, so the cache misses overlap.
 */
void		ar_ner_model_score(const ar_ner_model *m, const uint64_t *ids, int n,
							   int32_t *scores);

/*
 * Transition scores (AR_NER_NTAGS of them) into each tag after tag prev on a
 * token with rules' tag rule; zeros for a NULL model or out-of-range tags.
 */
const int32_t *ar_ner_model_trans(const ar_ner_model *m, int prev, int rule);

/* Index of the highest score; ties go to the lowest index (O first). */
int			ar_ner_model_best(const int32_t *scores);

/*
 * Entity type of a tag (AR_E_PERSON, AR_E_LOCATION, AR_E_ORGANIZATION from
 * ar_gazetteer.h), 0 for O; *begin is set when the tag is a B- tag.
 */
int			ar_ner_tag_type(int tag, int *begin);

#endif							/* AR_NER_MODEL_H */
