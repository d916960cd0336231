/*
 * fuzz_stem.c
 *	  libFuzzer target of the stemmer: light and root modes through
 *	  ar_stem_utf8 and ar_stem_cp, the word lists and the plural table.
 *
 * First byte: bit 0 selects how code points are made for ar_stem_cp (decoded
 * text, or one Arabic letter per byte to reach the deep rules), the high bits
 * the capacity given to ar_stem_plural.  The rest is the word.
 */
#include "fuzz_common.h"
#include "ar_stem.h"

/* ar_stem_utf8 into a buffer of exactly the documented capacity. */
static void
stem_utf8(const char *in, size_t len, ar_stem_mode mode)
{
	char	   *out = fuzz_alloc(len + 2 * AR_STEM_GROWTH);
	size_t		m = ar_stem_utf8(in, len, out, mode);

	FUZZ_CHECK(m <= len + 2 * AR_STEM_GROWTH, "UTF-8 stem over its capacity");
	if (len > 0)
		FUZZ_CHECK(m > 0, "empty UTF-8 stem of a non-empty word");
	if (fuzz_valid_utf8(in, len))
		FUZZ_CHECK(fuzz_valid_utf8(out, m), "stem of valid UTF-8 is invalid");
	free(out);
}

/* ar_stem_cp into a buffer of exactly the documented capacity. */
static void
stem_cp(const uint32_t *w, size_t n, ar_stem_mode mode)
{
	uint32_t   *out = fuzz_alloc((n + AR_STEM_GROWTH) * sizeof(uint32_t));
	size_t		m = ar_stem_cp(w, n, out, mode);

	FUZZ_CHECK(m <= n + AR_STEM_GROWTH, "stem over its capacity");
	if (n > 0)
		FUZZ_CHECK(m > 0, "empty stem of a non-empty word");
	if (mode == AR_STEM_NONE)
		FUZZ_CHECK(m == n && memcmp(out, w, n * sizeof(uint32_t)) == 0,
				   "mode none changed the word");
	free(out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in;
	size_t		n,
				nn,
				ncp,
				cap,
				k;
	char	   *norm;
	uint32_t   *cp,
			   *sing;

	if (size == 0)
		return 0;
	in = (const char *) data + 1;
	n = size - 1;

	/* raw bytes (the SQL functions normalize first, other callers may not) */
	stem_utf8(in, n, AR_STEM_LIGHT);
	stem_utf8(in, n, AR_STEM_ROOT);
	stem_utf8(in, n, AR_STEM_NONE);

	/* the way the SQL functions call it: "search"-normalized */
	norm = fuzz_alloc(ar_normalize_bound(in, n, AR_N_PROFILE_SEARCH));
	nn = ar_normalize(in, n, AR_N_PROFILE_SEARCH, norm);
	stem_utf8(norm, nn, AR_STEM_LIGHT);
	stem_utf8(norm, nn, AR_STEM_ROOT);

	/* code points; exact-size arrays so that reads past n are caught */
	if (data[0] & 1)
	{
		cp = fuzz_alloc(n * sizeof(uint32_t));
		ncp = fuzz_map_letters(data + 1, n, cp);
	}
	else
	{
		uint32_t   *tmp = fuzz_alloc(nn * sizeof(uint32_t));

		ncp = fuzz_decode(norm, nn, tmp);
		cp = fuzz_alloc(ncp * sizeof(uint32_t));
		memcpy(cp, tmp, ncp * sizeof(uint32_t));
		free(tmp);
	}
	stem_cp(cp, ncp, AR_STEM_LIGHT);
	stem_cp(cp, ncp, AR_STEM_ROOT);
	stem_cp(cp, ncp, AR_STEM_NONE);

	(void) ar_stem_listed(AR_STEM_LIST_NATIVE, cp, ncp);
	(void) ar_stem_listed(AR_STEM_LIST_FROZEN, cp, ncp);
	cap = data[0] >> 4;
	sing = fuzz_alloc(cap * sizeof(uint32_t));
	k = ar_stem_plural(cp, ncp, sing, cap);
	FUZZ_CHECK(k <= cap, "plural singular over its capacity");
	k = ar_stem_plural(cp, ncp, NULL, 0);
	FUZZ_CHECK(k <= AR_STEM_MAX_CP, "implausible singular length");
	free(sing);
	free(cp);
	free(norm);
	return 0;
}
