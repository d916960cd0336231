/*
 * ar_entity_rules.h
 *	  The span rules of the entity engine: gazetteer names, trigger words
 *	  (titles, organization and location heads, given names, speech verbs)
 *	  and the clitic test, over the token window of ar_edoc.h.
 *
 * The engine (ar_entities.c) asks the rules for the best name match at each
 * token; without a model that match is emitted, with one it becomes the
 * tagger's features (the rules' tag, the gazetteer cover).  Whatever decided
 * a span, its normalized value comes from ar_rules_norm, so that the same
 * name gives the same value.
 */
#ifndef AR_ENTITY_RULES_H
#define AR_ENTITY_RULES_H

#include "ar_edoc.h"

/* Gazetteer type of a token's name row (0 if none). */
static inline int
ar_etok_type(const ar_etok *t)
{
	return t->nm ? t->nm->etype : 0;
}

/* A proclitic that the name does not explain (و before a non-name). */
static inline int
ar_etok_foreign_clitic(const ar_etok *t)
{
	return ar_etok_clitic(t) > 0 && !(t->rf && t->rf->etype);
}

/*
 * Number of leading letters of a word's normalized key key[0..klen) that
 * are proclitics (و ف ب ك ل, and ال after them counted as the word's).  The
 * stemmer's split (ar_clitic_prefix_len) is kept only when the rest is a
 * word: it starts with the article; or news statistics (ar_wordfreq.h) find
 * the rest more frequent than the whole; or, for words the statistics do not
 * know, the rest is a gazetteer or lexicon entry and the whole is not a
 * name.  So باتريك, كيم, وداد, بوزيد, بلقاسم keep their first letter while
 * وتونس, ومحمد, وبوشماوي lose it.  g may be NULL (the stemmer decides).
 * *stem_k is set to the stemmer's split (the lookup key's).
 */
int			ar_rules_clitic(const ar_gaz *g, const char *key, size_t klen,
							size_t *stem_k);

/* Longest gazetteer name (person … nationality) at token i: 1 and m, or 0. */
int			ar_rules_gaz_match(const ar_edoc *d, size_t i, ar_match *m);

/*
 * Best name match at word token i: the longest gazetteer name, the trigger
 * rules (the one reaching furthest wins, the gazetteer on ties), or a Latin
 * acronym.  1 and m filled, or 0.  d->g must not be NULL for anything but
 * acronyms.
 */
int			ar_rules_names(const ar_edoc *d, size_t i, ar_match *m);

/*
 * Rules that hold whatever decided a PER/LOC/ORG span (the rules or the
 * tagger), applied before emission (nothing before byte from, the end of
 * what was emitted, may be taken back); a user's gazetteer row (m->norm set and
 * m->strong 2; m->strong is not read when m->norm is NULL) is never touched.  A span that cuts a multi-word gazetteer name is extended
 * to it (and takes its type): اتحاد بن → اتحاد بن قردان; one that an
 * organization head starts or precedes (by up to three words of its chain)
 * takes the head's genitive chain
 * (المعهد الوطني → المعهد الوطني للرصد الجوي, المرسى → مستقبل المرسى).  A span never ends
 * on a connector (بن، أبو، سيدي).  A one-word span is dropped when the word
 * is a bare head or title (حركة، حزب، منظمة), a function word or verb
 * (يضمن), a Latin word neither an acronym nor capitalized (of,
 * actualités) or a definite adjective of the definite noun before it (البنك
 * المركزي → not المركزي alone); a gazetteer entry that is also a common word (مالي،
 * سيدي) needs context: a preposition or place head before it, or a
 * proclitic.  Returns 0 to drop m, else 1 with m possibly changed (its norm
 * reset when its extent changed).  Spans whose tokens left the window are
 * kept as they are.
 */
int			ar_rules_span_ok(const ar_edoc *d, ar_match *m, size_t from);

/*
 * Normalized value of a PER/LOC/ORG span text[start..end) that the rules or
 * the tagger decided (README, "normalized"): the canonical of the gazetteer
 * name the span is, or of the name of the span's type that follows its
 * leading trigger words (الرئيس ترامب, منظمة OMSAC; not جامعة تونس, a place
 * in an organization); otherwise the span's tokens folded as gazetteer keys ("search"
 * profile, Latin lowercased) joined by a space or their punctuation.  A span
 * cut out of لل (للأمم) is read with its article (الأمم).  out needs
 * ar_rules_norm_bound(end - start) bytes; returns out or the gazetteer's
 * storage, the length in *outlen.
 */
size_t		ar_rules_norm_bound(const char *text, size_t start, size_t end);
const char *ar_rules_norm(const ar_gaz *g, int type, const char *text,
						  size_t start, size_t end, char *out, size_t *outlen);

#endif							/* AR_ENTITY_RULES_H */
