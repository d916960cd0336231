/*
 * ar_wordfreq.h
 *	  Word statistics of real news for the entity rules: is the first letter
 *	  و ف ب ك ل of a word a proclitic?  (Generated table, ar_wordfreq.c.)
 */
#ifndef AR_WORDFREQ_H
#define AR_WORDFREQ_H

#include <stddef.h>

/*
 * For the "search"-normalized key of a whole word: the number of leading
 * letters that are proclitics by the corpus (0, 1 or 2), or -1 when the
 * corpus says nothing (the word and its rest are both rare).
 */
int			ar_wordfreq_clitic(const char *key, size_t n);

#endif							/* AR_WORDFREQ_H */
