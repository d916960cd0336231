/*
 * ar_entities.h
 *	  Rule-based named-entity extraction over the shared tokenizer and
 *	  normalizer: gazetteer names, trigger words, dates, amounts, tags.
 *
 * Spans and clitics.  A span never starts with an attached proclitic that is
 * not part of the name: وبالإنتربول gives الإنتربول, ولبنان gives لبنان; a
 * first letter that is no proclitic in that word stays (باتريك, كيم; see
 * ar_rules_clitic).  The article ال stays inside the span when it is
 * written.  When ل + ال merge into لل (للأمم المتحدة) the span starts at the
 * article's ل (لأمم المتحدة).  Titles and location heads are kept out of the
 * spans they announce; organization heads with a genitive chain are inside
 * (وزارة الخارجية), descriptor heads are not (شركة نوكيا gives نوكيا).  The
 * span rules of ar_entity_rules.h hold whatever decided a span.
 *
 * Normalized values: for person, organization and location, the grouping
 * key of ar_rules_norm (a gazetteer canonical, else the search-folded
 * name); dates, numbers, money, percentages as in ar_dates.h; URLs as
 * written; emails lowercased; hashtags and mentions without # or @,
 * "search"-normalized.
 */
#ifndef AR_ENTITIES_H
#define AR_ENTITIES_H

#include <stddef.h>

#include "ar_gazetteer.h"

/*
 * Called for each entity, ordered by start, never overlapping (the longer or
 * more specific match wins).  start/len are byte offsets into the input;
 * norm (not NUL-terminated) is valid only during the call.  Return nonzero
 * to stop the run.
 */
typedef int (*ar_entity_cb) (void *arg, ar_etype type, size_t start, size_t len,
							 const char *norm, size_t norm_len);

/*
 * Besides entities, the callback is called with type AR_E_PROGRESS (start =
 * bytes consumed so far, norm NULL) once per window of tokens and after
 * every AR_E_PROGRESS_BYTES bytes of work (each token counts when read, when
 * prepared and when matched), so that a caller can stop a run over a huge
 * input, one huge word included, e.g. on a query cancel.  An entity's
 * normalized value is never empty.
 */
#define AR_E_PROGRESS ((ar_etype) 0)
#define AR_E_PROGRESS_BYTES ((size_t) 1 << 20)

/*
 * Extract entities of s[0..len-1] (any bytes; invalid UTF-8 never matches
 * and never crashes).  g may be NULL: then only the built-in rules run (no
 * names, no trigger words).  Returns 0, the callback's nonzero value, or -1
 * on OOM.  Working memory is a bounded token window plus buffers as long as
 * the longest token; it is freed on every return path.  Needs
 * ar_normalize_init() to have run.
 */
int			ar_entities_run(const ar_gaz *g, const char *s, size_t len,
							ar_entity_cb cb, void *arg);

/*
 * The features of the learned tagger (ar_tagger.c), for its training
 * program: runs the engine as ar_entities_run does with a model loaded (the
 * word clusters attached to g included) and calls fcb once per word token,
 * in order, with its byte span and its feature strings (none when forced:
 * the token belongs to a date, amount, tag or nationality match and is not
 * tagged); the last string is "r=" and the rules' tag.  g must not be NULL.
 * Returns 0, fcb's nonzero value, or -1 on OOM.
 */
typedef int (*ar_feat_cb) (void *arg, size_t start, size_t len, int forced,
						   int nfeat, const char *const *feat, const size_t *flen);

int			ar_entities_features(const ar_gaz *g, const char *s, size_t len,
								 ar_feat_cb fcb, void *arg);

#endif							/* AR_ENTITIES_H */
