/*
 * ar_normalize.h
 *	  Arabic normalization: rule set parsing and the one-pass normalizer.
 *
 * Rules are bits; profiles are named sets of bits.  The normalizer expands
 * presentation forms through a table filled once from ICU, folds each code
 * point by the enabled rules, and composes a hamza/madda mark (U+0653..U+0655)
 * with the character before it (canonical composition, so ا + U+0654 equals
 * أ), seen through harakat and through what the rules drop.  Every rule set
 * is idempotent on valid UTF-8: normalizing the output again changes nothing.
 */
#ifndef AR_NORMALIZE_H
#define AR_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>

#define AR_N_DIACRITICS		(1u << 0)
#define AR_N_TATWEEL		(1u << 1)
#define AR_N_ALEF			(1u << 2)
#define AR_N_YEH			(1u << 3)
#define AR_N_TEH_MARBUTA	(1u << 4)
#define AR_N_HAMZA			(1u << 5)
#define AR_N_DIGITS			(1u << 6)
#define AR_N_PRESENTATION	(1u << 7)
#define AR_N_INVISIBLE		(1u << 8)
#define AR_N_PERSIAN		(1u << 9)
#define AR_N_PUNCTUATION	(1u << 10)
#define AR_N_ALL			((1u << 11) - 1)

#define AR_N_PROFILE_SEARCH		AR_N_ALL
#define AR_N_PROFILE_DISPLAY	(AR_N_PRESENTATION | AR_N_INVISIBLE | AR_N_TATWEEL)

/*
 * Build the folding and presentation tables.  Idempotent; must be called once
 * before the first ar_normalize() (the PostgreSQL glue does it in _PG_init).
 * Returns 0 on success, -1 if ICU could not provide the NFKC data.
 */
int			ar_normalize_init(void);

/*
 * Parse "search", "display" or a comma list of rule names (blanks allowed,
 * case-insensitive) into *rules.  On failure returns -1 and copies the
 * offending name into badbuf (size badlen, NUL-terminated); a name too long
 * for it is cut at a UTF-8 character boundary and ends with "...".
 */
int			ar_normalize_parse_rules(const char *spec, uint32_t *rules,
									 char *badbuf, size_t badlen);

/* "diacritics, tatweel, ..." and "search, display": for error messages. */
const char *ar_normalize_rule_names(void);
const char *ar_normalize_profile_names(void);

/*
 * Upper bound of the output size for an input of len bytes under rules, to
 * allocate once: len plus what each presentation form's expansion adds to
 * its own three bytes (ﻻ one byte, ﷺ thirty); nothing else grows.
 */
size_t		ar_normalize_bound(const char *in, size_t len, uint32_t rules);

/*
 * Normalize in[0..len-1] into out (capacity from ar_normalize_bound); returns
 * the output length.  Output is not NUL-terminated.  Never fails: bytes that
 * are not valid UTF-8 are copied unchanged.
 */
size_t		ar_normalize(const char *in, size_t len, uint32_t rules, char *out);

/*
 * Fold one code point under rules (no composition, no presentation
 * expansion): returns the replacement, or 0 when the character is dropped.
 */
uint32_t	ar_normalize_fold_cp(uint32_t cp, uint32_t rules);

/*
 * Lowercase in[0..len-1] into out (capacity ar_normalize_lower_bound(len))
 * by ICU's simple case mapping, so that words of other scripts compare the
 * same in every locale.  Returns the output length.
 */
size_t		ar_normalize_lower(const char *in, size_t len, char *out);
size_t		ar_normalize_lower_bound(size_t len);

#endif							/* AR_NORMALIZE_H */
