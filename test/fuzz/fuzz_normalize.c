/*
 * fuzz_normalize.c
 *	  libFuzzer target of the normalizer: every rule set, the bound, lowercase
 *	  mapping and rule-list parsing on arbitrary bytes.
 *
 * The first byte picks the rules: 0 search, 1 display, 2..12 one rule each,
 * the others a spread of the 2^11 combinations.  The rest is the text.
 * Checks: the output fits the bound, stays valid UTF-8, and normalizing it
 * again changes nothing.
 */
#include "fuzz_common.h"

static uint32_t
rules_from(uint8_t b)
{
	if (b == 0)
		return AR_N_PROFILE_SEARCH;
	if (b == 1)
		return AR_N_PROFILE_DISPLAY;
	if (b < 13)
		return 1u << (b - 2);
	/* an odd multiplier is a bijection modulo 2^11 */
	return ((uint32_t) b * 1103u) & AR_N_ALL;
}

/* Normalize into a buffer of exactly the promised bound; check the bound. */
static char *
normalize(const char *in, size_t n, uint32_t rules, size_t *outlen)
{
	size_t		bound = ar_normalize_bound(in, n, rules);
	char	   *out = fuzz_alloc(bound);

	*outlen = ar_normalize(in, n, rules, out);
	FUZZ_CHECK(*outlen <= bound, "output longer than ar_normalize_bound");
	if (!(rules & AR_N_PRESENTATION))
		FUZZ_CHECK(*outlen <= n, "output grew without the presentation rule");
	return out;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in;
	size_t		n,
				m,
				m2,
				lim;
	uint32_t	rules,
				parsed = 0;
	char	   *out,
			   *again,
			   *spec;
	char		bad[40];
	int			valid;

	if (size == 0)
		return 0;
	rules = rules_from(data[0]);
	in = (const char *) data + 1;
	n = size - 1;
	valid = fuzz_valid_utf8(in, n);

	/*
	 * Every rule set is idempotent on text (valid UTF-8), the profiles
	 * included.  Not on invalid bytes: dropping a character may join two
	 * stray bytes into a new one.
	 */
	out = normalize(in, n, rules, &m);
	if (valid)
	{
		FUZZ_CHECK(fuzz_valid_utf8(out, m), "valid input gave invalid UTF-8");
		again = normalize(out, m, rules, &m2);
		FUZZ_CHECK(m2 == m && memcmp(out, again, m) == 0,
				   "normalizing twice changed the text");
		free(again);
	}
	free(out);

	/* lowercase: capacity 2 * len as documented */
	out = fuzz_alloc(2 * n);
	m = ar_normalize_lower(in, n, out);
	FUZZ_CHECK(m <= 2 * n, "lowercase output over 2 * len");
	if (valid)
		FUZZ_CHECK(fuzz_valid_utf8(out, m), "lowercase of valid input is invalid");
	free(out);

	/* the rule list parser, on a NUL-terminated prefix */
	lim = n < 256 ? n : 256;
	spec = fuzz_alloc(lim + 1);
	memcpy(spec, in, lim);
	spec[lim] = '\0';
	lim = data[0] % sizeof(bad);
	if (ar_normalize_parse_rules(spec, &parsed, bad, lim) == 0)
		FUZZ_CHECK((parsed & ~AR_N_ALL) == 0, "parsed an unknown rule bit");
	else if (lim > 0)
		FUZZ_CHECK(memchr(bad, '\0', lim) != NULL, "bad name not terminated");
	free(spec);
	return 0;
}
