/*
 * ar_tagger.h
 *	  The learned PER/LOC/ORG tagger of the entity engine: features of each
 *	  word token, Viterbi decoding of its tags, and the spans they make.
 *
 * The entity engine (ar_entities.c) runs its rules token by token; in model
 * mode their PER/LOC/ORG findings are not emitted but handed to the tagger,
 * which decides the name spans.  What the tagger learns from the rules is
 * all in this interface:
 *   - per token of the window (ar_etok): rtag, the rules' tag (their name
 *     match as B-/I- tags, AR_TAGGER_RTAG_X for any other entity), and ctag,
 *     the tag of the longest gazetteer name covering the token, both set
 *     before the token is pushed;
 *   - ar_tagger_rule: a rules' name match, whose normalized value is kept
 *     when the tagger finds the same span, and which is emitted all the same
 *     when it is a gazetteer name and the tagger tags none of its tokens;
 *   - the name start passed with each token: where a name beginning at it
 *     starts (after a proclitic the rules judge foreign to the name).
 * Tokens are pushed in order; a segment is decoded (Viterbi, B/I/O
 * constraints) when the engine flushes it: before another entity, at the end
 * of the text, or when it grows long.
 */
#ifndef AR_TAGGER_H
#define AR_TAGGER_H

#include "ar_edoc.h"
#include "ar_entities.h"
#include "ar_ner_model.h"

/* rtag of a token inside another entity (date, amount, nationality...). */
#define AR_TAGGER_RTAG_X 7

/* Receives each entity the tagger decides, in text order. */
typedef int (*ar_tagger_emit_fn) (void *arg, const ar_match *m);

typedef struct ar_tagger ar_tagger;

/*
 * A tagger over g's model and clusters; with fcb it only hands each token's
 * features to fcb (training) and emits nothing.  NULL on OOM.
 */
ar_tagger  *ar_tagger_new(const ar_gaz *g, ar_feat_cb fcb, void *farg,
						  ar_tagger_emit_fn emit, void *earg);
void		ar_tagger_free(ar_tagger *tg);

/* Per-token values the features need (hashes, clusters), once per token. */
void		ar_tagger_prepare(const ar_edoc *d, ar_etok *t);

/*
 * The rules' name match m, whose tokens are the next ntok pushed; first_start
 * is the byte start of m's first token (the span the tagger must find to keep
 * m's value).  0, or -1 on OOM.
 */
int			ar_tagger_rule(ar_tagger *tg, const ar_match *m, size_t first_start, size_t ntok);

/* Push word token i of the window; 0, a callback's nonzero value, or -1. */
int			ar_tagger_push(ar_tagger *tg, const ar_edoc *d, size_t i, size_t name_start);

/* A token of another entity, not tagged (the feature dump notes it). */
int			ar_tagger_forced(ar_tagger *tg, const ar_edoc *d, size_t i);

/* Decode the pushed tokens and emit their spans; 0 or a callback's value. */
int			ar_tagger_flush(ar_tagger *tg);

/*
 * Viterbi decoding of n tokens: emission scores em[i * AR_NER_NTAGS + tag]
 * (relative to O), rules' tags rtag[i], the model's transitions; the best
 * tags into out[i], an I- tag only after B- or I- of its type.  work needs
 * n * AR_NER_NTAGS bytes.  Exposed for the unit tests.
 */
void		ar_tagger_viterbi(const ar_ner_model *m, const int32_t *em, const uint8_t *rtag,
							  size_t n, uint8_t *work, uint8_t *out);

/* Names of the rules' tags (0-7), as the feature dump writes them. */
extern const char *const ar_tagger_rtag_names[AR_NER_NRTAGS];

#endif							/* AR_TAGGER_H */
