/*
 * ar_ner_model.h
 *	  Learned PER/LOC/ORG tagger of the entity engine: a greedy averaged
 *	  perceptron over token features, loaded from a text weights file.
 *
 * The model is a read-only table from feature strings to one int16 weight
 * per tag, built once by ar_ner_model_load_* and shared by any number of
 * concurrent runs.  The features themselves are computed by the entity engine
 * (ar_entities.c, "model features"), which also serves them to the training
 * program (tools/train_ner.py through test/ner_feat_cli), so training and
 * inference cannot drift apart.
 *
 * File format (UTF-8, one record a line, '#' lines are comments):
 *   ar_ner_model 1
 *   tags O B-PER I-PER B-LOC I-LOC B-ORG I-ORG
 *   FEATURE<TAB>TAG:WEIGHT TAG:WEIGHT ...
 * TAG is a tag index (0-6), WEIGHT an integer in [-32768, 32767].  A tag
 * absent from a feature's list has weight 0.  FEATURE is any byte string
 * without TAB or newline; a feature listed twice is an error.
 */
#ifndef AR_NER_MODEL_H
#define AR_NER_MODEL_H

#include <stddef.h>
#include <stdint.h>

#define AR_NER_NTAGS 7

/* Tag indexes: O, then B-/I- for PER, LOC, ORG in that order. */
#define AR_NER_O 0

extern const char *const ar_ner_tag_names[AR_NER_NTAGS];

typedef struct ar_ner_model ar_ner_model;

/*
 * Parse a model from buf[0..len-1].  Returns NULL on a malformed file or OOM,
 * with a message (line number included) in err when err is not NULL.
 */
ar_ner_model *ar_ner_model_parse(const char *buf, size_t len, char *err, size_t errlen);

/* Read and parse a model file; NULL with a message in err on any error. */
ar_ner_model *ar_ner_model_load(const char *path, char *err, size_t errlen);

void		ar_ner_model_free(ar_ner_model *m);

/* Number of features held. */
size_t		ar_ner_model_count(const ar_ner_model *m);

/* Add the weights of feature f[0..n-1] (if known) to scores[AR_NER_NTAGS]. */
void		ar_ner_model_add(const ar_ner_model *m, const char *f, size_t n,
							 int32_t *scores);

/* Weights (AR_NER_NTAGS) of feature f[0..n-1], or NULL if unknown. */
const int16_t *ar_ner_model_row(const ar_ner_model *m, const char *f, size_t n);

static inline void
ar_ner_add_row(const int16_t *row, int32_t *scores)
{
	int			k;

	if (row)
		for (k = 0; k < AR_NER_NTAGS; k++)
			scores[k] += row[k];
}

/* Index of the highest score; ties go to the lowest index (O first). */
int			ar_ner_model_best(const int32_t *scores);

/*
 * Entity type of a tag (AR_E_PERSON, AR_E_LOCATION, AR_E_ORGANIZATION from
 * ar_gazetteer.h), 0 for O; *begin is set when the tag is a B- tag.
 */
int			ar_ner_tag_type(int tag, int *begin);

#endif							/* AR_NER_MODEL_H */
