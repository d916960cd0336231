/*
 * ar_stem.h
 *	  Arabic light stemmer and root extractor over "search"-normalized words.
 *
 * The stemmer never allocates: it works in the caller's buffer and in bounded
 * stack arrays, so it can run on every token of every document.  Its word
 * lists (ar_stem_data.c) are sorted constant arrays searched by bisection.
 */
#ifndef AR_STEM_H
#define AR_STEM_H

#include <stddef.h>
#include <stdint.h>

typedef enum ar_stem_mode
{
	AR_STEM_NONE = 0,			/* copy the word */
	AR_STEM_LIGHT,				/* strip clitics and inflectional affixes */
	AR_STEM_ROOT				/* light stem, then reduce to a 3-4 letter root */
} ar_stem_mode;

/* Longest word (in code points) the stemmer analyses; longer ones are copied. */
#define AR_STEM_MAX_CP		64

/*
 * A stem may be longer than its word: a broken plural is replaced by its
 * singular (سفن gives سفين).  By at most this many code points (checked
 * against the plural table by the unit tests, ar_stem_data_check).
 */
#define AR_STEM_GROWTH		2

/* Words over this many bytes are "surely not words" and are copied. */
#define AR_STEM_MAX_BYTES	1000

/*
 * word: the code points of one token, already normalized with the "search"
 * profile (no diacritics, alef forms folded to ا, ى to ي, ة to ه ...).
 * out: capacity >= n + AR_STEM_GROWTH.  Returns the stem length, >= 1 when
 * n >= 1.  Tokens
 * that are not entirely Arabic letters are copied unchanged; so is every
 * token in AR_STEM_NONE mode.
 */
size_t		ar_stem_cp(const uint32_t *word, size_t n, uint32_t *out,
					   ar_stem_mode mode);

/*
 * UTF-8 convenience for the SQL functions: in[0..len-1] (normalized) into
 * out (capacity >= len + 2 * AR_STEM_GROWTH: Arabic letters are two bytes);
 * returns the bytes written.  Words over
 * AR_STEM_MAX_BYTES bytes are copied unchanged.
 */
size_t		ar_stem_utf8(const char *in, size_t len, char *out,
						 ar_stem_mode mode);

/*
 * What normalization erases but the stemmer needs: hints read from the word
 * as written (before normalization), for the *_hinted variants.  The word's
 * first letters after و/ف and ب/ك/ل may be a hamza seat: أ آ (ABOVE) or إ
 * (BELOW), at letter index POS (0-2); HAMZA_AL when ل follows it, so that
 * its ال is no article (ألقاب, إلزام, وألزم).  WAW_HAMZA: a ؤ after an
 * imperfect prefix ي ت ن at letter index POS (1-3): يؤكد is أكد's.
 */
#define AR_STEM_HINT_HAMZA_AL		0x01
#define AR_STEM_HINT_HAMZA_ABOVE	0x02
#define AR_STEM_HINT_HAMZA_BELOW	0x04
#define AR_STEM_HINT_WAW_HAMZA		0x08	/* ؤ after ي ت ن at POS */
#define AR_STEM_HINT_POS_SHIFT		4
#define AR_STEM_HINT_POS(h)			(((h) >> AR_STEM_HINT_POS_SHIFT) & 3)

unsigned	ar_stem_hints(const char *raw, size_t len);
size_t		ar_stem_cp_hinted(const uint32_t *word, size_t n, uint32_t *out,
							  ar_stem_mode mode, unsigned hints);
size_t		ar_stem_utf8_hinted(const char *in, size_t len, char *out,
								ar_stem_mode mode, unsigned hints);

/*
 * The proclitic rule shared with the entity engine: how many leading code
 * points of word are proclitics (a conjunction و/ف, then a preposition
 * ب/ك/ل, then, when with_article, the article ال, or لل for ل + ال).
 * Letters that belong to the word (وزير, بيروت, البانيا, ...) are kept.
 * Returns 0 when nothing is stripped or the rest would be shorter than two
 * letters.
 */
size_t		ar_clitic_prefix_len(const uint32_t *word, size_t n,
								 int with_article);

/*
 * Word lists (ar_stem_data.c), stored in the "search" alphabet and sorted
 * bytewise so that they are searched by bisection.
 *	NATIVE: words whose initial و ف ب ك ل ال س look like clitics but belong
 *			to the word (وزير, فيلم, بيروت, المانيا); inflected forms are
 *			found through their suffix-stripped stem.
 *	FROZEN: words never stemmed (names that end like a suffix: لبنان,
 *			فلسطين, كورونا; words that the rules would damage: مليون).
 */
typedef enum ar_stem_list
{
	AR_STEM_LIST_NATIVE = 0,
	AR_STEM_LIST_FROZEN
} ar_stem_list;

/*
 * Every list w[0..n-1] is in, as AR_STEM_K_* bits, in one probe.  Besides
 * the lists themselves, the stems of native words: STEM_HEH when w + ه is
 * native, STEM_YEH when w + ي is, NATIVE_YEH when w is a native word + ي.
 */
#define AR_STEM_K_NATIVE		0x01
#define AR_STEM_K_FROZEN		0x02
#define AR_STEM_K_PLURAL		0x04
#define AR_STEM_K_STEM_HEH		0x08
#define AR_STEM_K_STEM_YEH		0x10
#define AR_STEM_K_NATIVE_YEH	0x20

unsigned	ar_stem_lookup_hashed(const uint32_t *w, size_t n);

/*
 * Most probes are for words in no list; a bitmap over (length up to 15,
 * first letter, last letter) of every key, filled when the tables are
 * built, answers them inline without hashing.
 */
#define AR_STEM_PF_LETTERS	42		/* U+0621..U+064A */
#define AR_STEM_PF_MAXLEN	15
#define AR_STEM_PF_BYTES \
	(((AR_STEM_PF_MAXLEN + 1) * AR_STEM_PF_LETTERS * AR_STEM_PF_LETTERS + 7) / 8)
extern uint8_t ar_stem_prefilter[AR_STEM_PF_BYTES];
extern int	ar_stem_tables_ready;

static inline int
ar_stem_pf_index(const uint32_t *w, size_t n)
{
	uint32_t	f = w[0] - 0x0621,
				l = w[n - 1] - 0x0621;

	if (f >= AR_STEM_PF_LETTERS || l >= AR_STEM_PF_LETTERS)
		return -1;
	return (int) (((n > AR_STEM_PF_MAXLEN ? AR_STEM_PF_MAXLEN : n) *
				   AR_STEM_PF_LETTERS + f) * AR_STEM_PF_LETTERS + l);
}

/* May w[0..n-1] (n >= 1) be a key?  Only once the tables are built. */
static inline int
ar_stem_maybe_listed(const uint32_t *w, size_t n)
{
	int			pf = ar_stem_pf_index(w, n);

	return pf >= 0 && (ar_stem_prefilter[pf >> 3] & (1 << (pf & 7)));
}

static inline unsigned
ar_stem_lookup(const uint32_t *w, size_t n)
{
	if (ar_stem_tables_ready && (n < 2 || !ar_stem_maybe_listed(w, n)))
		return 0;
	return ar_stem_lookup_hashed(w, n);
}

/* Is w[0..n-1] in the list? */
int			ar_stem_listed(ar_stem_list list, const uint32_t *w, size_t n);

/*
 * Is the normalized UTF-8 word s[0..len-1] in the native list?  The
 * dictionary asks before it drops a conjunction + function word: فهم, فقد,
 * وهم, وكل are words of their own.
 */
int			ar_stem_native_utf8(const char *s, size_t len);

/*
 * If w is a listed broken plural, store its singular in sing (when not NULL,
 * capacity cap) and return the singular's length; else return 0.
 */
size_t		ar_stem_plural(const uint32_t *w, size_t n, uint32_t *sing,
						   size_t cap);

/*
 * Self-check for the tests: NULL when every list is strictly sorted and in
 * the normalized alphabet, else the first offending entry.
 */
const char *ar_stem_data_check(void);

/*
 * By word statistics of real news (generated, ar_stem_freq.c): is w[0..n-1],
 * a search-normalized word after its proclitics beginning with ت or ن, an
 * imperfect verb (its ي form is attested and it almost never takes the
 * article: تبحث, نعتقد yes; تقرير, تطور, نظام no)?
 */
int			ar_stem_is_imperfect_tn(const uint32_t *w, size_t n);

/*
 * Also by word statistics: is the three-letter stem w[0..2], left by an
 * imperfect that lost its prefix, that of a form IV verb (علن of يعلن, as
 * أعلن is far more frequent than علن; not كتب of يكتب)?
 */
int			ar_stem_is_form_iv(const uint32_t *w, size_t n);

/*
 * Also by word statistics: is the three-letter word w[0..2], ي ت or ن + two
 * letters, the imperfect of an assimilated verb whose و it lost (يصل, تقع
 * of وصل, وقع)?
 */
int			ar_stem_is_assimilated(const uint32_t *w, size_t n);

#endif							/* AR_STEM_H */
