/*
 * ar_gazetteer.h
 *	  Compiled gazetteer of the entity engine: names and trigger words keyed by
 *	  "search"-normalized token sequences, with longest-match lookup.
 *
 * A gazetteer is filled once (ar_gaz_add for every row of ar_gazetteer plus
 * the built-in lexicon of function words, months, currencies, trigger words
 * that ar_gaz_new loads), finalized with ar_gaz_build, and is read-only
 * afterwards, so any number of concurrent ar_entities_run calls may share it.
 *
 * Row types accepted by ar_gaz_add / ar_etype_parse:
 *   person, organization, location, nationality   names, emitted as entities
 *                      with the row's canonical as normalized value (alias rows
 *                      share the canonical of their main name);
 *   given_name         a first name: evidence that starts a person span, which
 *                      then takes the following name tokens (محمد حسني مبارك);
 *   title              a word placed before a person and kept out of the span
 *                      (السيد، الرئيس، الشيخ …; multi-word titles allowed);
 *   org_head           the first word of an organization name that a genitive
 *                      chain completes (وزارة، منظمة، هيئة …);
 *   location_head      a word announcing a place name (مدينة، ولاية …), kept
 *                      out of the location span.
 * Any other ar_etype value is rejected by ar_gaz_add.
 *
 * Two rows with the same name (after normalization): a user's row beats a
 * shipped one (or the built-in lexicon's); between rows of the same origin
 * the type first in the order person, organization, location, given_name,
 * nationality, title, org_head, location_head wins (a name before an
 * adjective or a trigger word: تركي is a given name before it is Turkish),
 * then the bytewise smaller canonical.  So the result never depends on the order in
 * which rows are added (a table's physical order).
 *
 * Punctuation inside a name (الكونغو - برازافيل, AT&T, Procter & Gamble,
 * بن-علي) is part of the key: the blank between two tokens is kept as its
 * punctuation (spaces dropped, dashes folded to '-'), so the name matches
 * text with the same punctuation, spaced or not, and not the bare words.
 */
#ifndef AR_GAZETTEER_H
#define AR_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>

typedef enum ar_etype
{
	AR_E_PERSON = 1,
	AR_E_ORGANIZATION,
	AR_E_LOCATION,
	AR_E_NATIONALITY,
	AR_E_DATE,
	AR_E_NUMBER,
	AR_E_MONEY,
	AR_E_PERCENT,
	AR_E_URL,
	AR_E_EMAIL,
	AR_E_HASHTAG,
	AR_E_MENTION,
	/* gazetteer-only kinds: trigger words, never emitted themselves */
	AR_G_GIVEN_NAME = 32,
	AR_G_TITLE,
	AR_G_ORG_HEAD,
	AR_G_LOC_HEAD
} ar_etype;

#define AR_E_MAX AR_E_MENTION

/* "person", "organization", ... (also the gazetteer-only kinds); NULL if unknown */
const char *ar_etype_name(ar_etype t);

/* Inverse of ar_etype_name, exact lowercase match; -1 if unknown. */
int			ar_etype_parse(const char *name);

typedef struct ar_gaz ar_gaz;

/* A new gazetteer holding the built-in lexicon; NULL on OOM. */
ar_gaz	   *ar_gaz_new(void);

/*
 * Add one row.  The name is normalized ("search" profile, ASCII lowercased)
 * and tokenized here, so rows are matched whatever their spelling variants.
 * canonical may be NULL/empty: the name itself is then the canonical.
 * Returns 0, or -1 on OOM, empty name, a type not listed above, or a name or
 * canonical that is not valid UTF-8 (or holds a NUL byte), or
 * AR_GAZ_TOO_LONG for a name of more than AR_GAZ_MAX_TOKENS tokens (the
 * caller should tell the user: the row can never match).
 */
#define AR_GAZ_MAX_TOKENS 32
#define AR_GAZ_TOO_LONG (-2)
int			ar_gaz_add(ar_gaz *g, const char *name, size_t name_len, ar_etype type,
					   const char *canonical, size_t canon_len);

/*
 * The same, saying whether the row is the user's own (a watch list): in
 * model mode a user's name is always emitted as written in the gazetteer,
 * while shipped names are evidence for the tagger.
 */
int			ar_gaz_add_row(ar_gaz *g, const char *name, size_t name_len, ar_etype type,
						   const char *canonical, size_t canon_len, int user);

/*
 * Add word-class bits (AR_W_*) and their value to a one- or two-token word
 * (the built-in lexicon, ar_lexicon.c, uses this).  Bits accumulate; a
 * nonzero wval replaces the old one.  0 or -1 on OOM.
 */
int			ar_gaz_add_word(ar_gaz *g, const char *name, uint32_t wflags, int wval);

/* Load the built-in lexicon into g (ar_lexicon.c); 0 or -1 on OOM. */
int			ar_lexicon_load(ar_gaz *g);

/* Finalize for lookups; 0 or -1 on OOM.  Adding after build is an error. */
int			ar_gaz_build(ar_gaz *g);

void		ar_gaz_free(ar_gaz *g);

/*
 * Attach the learned PER/LOC/ORG tagger (ar_ner_model.h) read from path,
 * replacing any model loaded before.  May be called before or after
 * ar_gaz_build, but not while a run uses g.  Returns 0, or -1 if the file cannot be read or is malformed; g keeps
 * its previous model then.  Without a model the engine uses its rules only;
 * with one, the model decides PER/LOC/ORG spans, the rules being its
 * features.  ar_gaz_free frees the model.
 */
int			ar_gaz_load_model(ar_gaz *g, const char *path);

/* The same, with the reason of a failure (line number included) in err. */
int			ar_gaz_load_model_msg(ar_gaz *g, const char *path, char *err, size_t errlen);

struct ar_ner_model;

/* The attached model, or NULL. */
const struct ar_ner_model *ar_gaz_model(const ar_gaz *g);

/*
 * Attach model m (g owns it from now on; NULL runs without a model) and
 * return the model g had, which the caller now owns.  Not while a run uses
 * g.  Lets a caller switch the tagger on and off without reloading it.
 */
struct ar_ner_model *ar_gaz_swap_model(ar_gaz *g, struct ar_ner_model *m);

/*
 * Attach the tagger's word clusters (ar_ner_clusters.h) read from path to
 * g's model (they travel with it through ar_gaz_swap_model), replacing any
 * loaded before.  Returns 0, or -1 with the reason in err when g has no
 * model or the file cannot be read or is malformed.  A model trained with
 * clusters needs them: without, it runs with weaker features.
 */
int			ar_gaz_load_clusters_msg(ar_gaz *g, const char *path, char *err, size_t errlen);

struct ar_ner_clusters;

/* The clusters of g's model, or NULL. */
const struct ar_ner_clusters *ar_gaz_clusters(const ar_gaz *g);

/*
 * A copy of g that rows can still be added to (even if g is built), without
 * g's model; NULL on OOM.  A caller compiles the shipped rows once and adds
 * each new set of its users' rows to a fresh copy.
 */
ar_gaz	   *ar_gaz_copy(const ar_gaz *g);

/*
 * The name is no longer a gazetteer entry (a user's suppression of a shipped
 * row); the built-in lexicon's word classes of the same words stay.  0 (also
 * when the name was no entry), or -1 on OOM, a bad name, or after build.
 */
int			ar_gaz_remove(ar_gaz *g, const char *name, size_t name_len);

/*
 * 1 if the entry of name (normalized as ar_gaz_add does) comes from a user's
 * row (ar_gaz_add_row with user set), 0 if not or no entry, -1 on OOM.  A
 * caller adding users' rows to a copy checks with it that the new rows
 * override no earlier user's row, whose order would decide.
 */
int			ar_gaz_is_user_row(const ar_gaz *g, const char *name, size_t name_len);

/* Number of name rows (the built-in lexicon not counted). */
size_t		ar_gaz_count(const ar_gaz *g);

/* ---- lookup interface of the entity engine ---- */

/* Word classes of the built-in lexicon (bits of ar_gaz_rec.wflags). */
#define AR_W_STOP		0x00001	/* function word, pronoun, adverb: ends names */
#define AR_W_PREP		0x00002	/* preposition */
#define AR_W_VERB		0x00004	/* frequent verb */
#define AR_W_MONTH		0x00008	/* wval: 1-12 Gregorian, 101-112 Hijri */
#define AR_W_MONTH2		0x00010	/* first word of a two-word month (كانون الثاني) */
#define AR_W_WEEKDAY	0x00020
#define AR_W_YEARWORD	0x00040	/* عام، سنة */
#define AR_W_CURRENCY	0x00080	/* wval indexes ar_dates.c's currency table */
#define AR_W_SCALE		0x00100	/* wval: power of ten (ألف 3, مليون 6 …) */
#define AR_W_PERCENT	0x00200	/* بالمئة, or المئة after في */
#define AR_W_CONNECT	0x00400	/* name connector: بن، أبو، عبد، آل */
#define AR_W_MODIFIER	0x00800	/* السابق، الراحل …: between a title and a name */
#define AR_W_COMMON		0x01000	/* also a common word: weak as a lone name */
#define AR_W_GENITIVE	0x02000	/* title that takes a genitive (وزير الخارجية) */
#define AR_W_DESCRIPTOR 0x04000	/* org head kept out of the name (شركة نوكيا) */
#define AR_W_HIJRI_MARK 0x08000	/* هـ after a year */
#define AR_W_AD_MARK	0x10000	/* م after a year */
#define AR_W_TIME		0x20000	/* time word (اليوم، أمس): ends names */
#define AR_W_ORDINAL	0x80000	/* regnal ordinal after a name (الثاني) */
#define AR_W_STRONG		0x40000	/* location head that may precede ال- names */
#define AR_W_USER		0x100000	/* a user's row (ar_gaz_add_row) */
#define AR_W_CURQUAL	0x200000	/* country adjective after a currency word
									 * (جزائري، تونسية، الإماراتي): wval
									 * indexes ar_dates.c's qualifier table */

typedef struct ar_gaz_rec
{
	uint64_t	hash;
	uint32_t	key_off;		/* normalized tokens joined by one space */
	uint32_t	key_len;
	uint32_t	canon_off;
	uint32_t	canon_len;
	uint32_t	wflags;			/* AR_W_* */
	int16_t		wval;
	uint8_t		etype;			/* 0, an entity type or an AR_G_* kind */
	uint8_t		maxlen;			/* longest entry (tokens) starting with this key */
} ar_gaz_rec;

/* FNV-1a over key bytes, continuable for multi-token keys. */
#define AR_GAZ_HASH_INIT UINT64_C(0xcbf29ce484222325)
static inline uint64_t
ar_gaz_hash(uint64_t h, const char *s, size_t n)
{
	size_t		i;

	for (i = 0; i < n; i++)
	{
		h ^= (unsigned char) s[i];
		h *= UINT64_C(0x100000001b3);
	}
	return h;
}

/* Record of a one-token key, or NULL. */
const ar_gaz_rec *ar_gaz_find1(const ar_gaz *g, const char *key, size_t n);

/*
 * Record of the key made of the n parts keys[i]/lens[i] concatenated (tokens
 * and their joiners), or NULL; h must be the hash of that key.
 */
const ar_gaz_rec *ar_gaz_find_parts(const ar_gaz *g, uint64_t h, const char *const *keys,
									const size_t *lens, int n);

/*
 * The separator of two tokens of a key, from the blank s[0..n) between them:
 * " " when it is only white space or invisible marks, else its punctuation
 * without spaces, dashes folded to '-' (at most AR_GAZ_JOINER_MAX bytes).
 * Returns its length in out, 0 when longer (never part of a name).
 */
#define AR_GAZ_JOINER_MAX 8
size_t		ar_gaz_joiner(const char *s, size_t n, char *out);

/* Canonical value of a record (its key if the row gave none). */
const char *ar_gaz_canon(const ar_gaz *g, const ar_gaz_rec *r, size_t *len);

/*
 * Normalize one token for lookup: "search" profile, ASCII letters
 * lowercased.  out needs ar_normalize_bound(s, n) bytes; returns the length.
 */
size_t		ar_gaz_key(const char *s, size_t n, char *out);

#endif							/* AR_GAZETTEER_H */
