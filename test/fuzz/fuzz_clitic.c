/*
 * fuzz_clitic.c
 *	  libFuzzer target of the proclitic rule shared by the stemmer and the
 *	  entity engine (ar_clitic_prefix_len).
 *
 * First byte: bit 0 with_article, bit 1 one Arabic letter per byte (deep
 * paths) instead of decoded text.  The rest is the word.
 */
#include "fuzz_common.h"
#include "ar_stem.h"

/* و ف ب ك ل and the article's ا ل: the only letters a proclitic may have */
static int
clitic_letter(uint32_t c)
{
	return c == 0x0648 || c == 0x0641 || c == 0x0628 || c == 0x0643 ||
		c == 0x0644 || c == 0x0627;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t		n,
				k,
				i;
	uint32_t   *cp;
	int			with_article;

	if (size == 0)
		return 0;
	with_article = data[0] & 1;
	n = size - 1;
	if (data[0] & 2)
	{
		cp = fuzz_alloc(n * sizeof(uint32_t));
		n = fuzz_map_letters(data + 1, n, cp);
	}
	else
	{
		uint32_t   *tmp = fuzz_alloc(n * sizeof(uint32_t));

		n = fuzz_decode((const char *) data + 1, n, tmp);
		cp = fuzz_alloc(n * sizeof(uint32_t));
		memcpy(cp, tmp, n * sizeof(uint32_t));
		free(tmp);
	}

	k = ar_clitic_prefix_len(cp, n, with_article);
	FUZZ_CHECK(k <= n, "prefix longer than the word");
	if (k > 0)
		FUZZ_CHECK(n - k >= 2, "fewer than two letters left");
	FUZZ_CHECK(k <= 4, "more than conjunction + preposition + article");
	if (!with_article)
		FUZZ_CHECK(k <= 2, "article stripped without with_article");
	for (i = 0; i < k; i++)
		FUZZ_CHECK(clitic_letter(cp[i]), "stripped a letter that is no clitic");
	/* the same word again gives the same answer (no hidden state) */
	FUZZ_CHECK(ar_clitic_prefix_len(cp, n, with_article) == k, "not deterministic");
	free(cp);
	return 0;
}
