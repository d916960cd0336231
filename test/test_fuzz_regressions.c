/*
 * test_fuzz_regressions.c
 *	  Inputs the fuzz targets (test/fuzz/) found to break a core contract,
 *	  kept as unit tests so that each stays fixed.
 *
 * Buffers here are larger than the documented capacity, so a regression is a
 * failed CHECK, not a memory error in the unit runner.
 */
#include <stdlib.h>

#include "unit.h"
#include "ar_gazetteer.h"
#include "ar_stem.h"
#include "ar_utf8.h"

/*
 * fuzz_stem, crash-c57a4417...: a broken plural whose listed singular is
 * longer than the plural (سفن -> سفينه, مدن -> مدينه, دول -> دوله, نساء ->
 * امراه ...) gives a stem longer than the word, so ar_stem_cp and
 * ar_stem_utf8 wrote past the capacity they documented (n code points, len
 * bytes).  The capacity is now n + AR_STEM_GROWTH code points (len + twice
 * that in bytes), and callers allocate it.
 */
UNIT_SUITE(fuzz_stem_growth)
{
	static const char *const words[] = {"سفن", "مدن", "دول", "نساء", "برامج", "طرق"};
	size_t		w;

	for (w = 0; w < sizeof(words) / sizeof(words[0]); w++)
	{
		const char *s = words[w];
		size_t		len = strlen(s),
					n = 0,
					i = 0;
		uint32_t	cp[16],
					st[64];
		char		out[256];
		int			mode;

		while (i < len)
		{
			int			nb;

			cp[n++] = ar_utf8_decode((const unsigned char *) s + i, len - i, &nb);
			i += (size_t) nb;
		}
		for (mode = AR_STEM_LIGHT; mode <= AR_STEM_ROOT; mode++)
		{
			size_t		m = ar_stem_utf8(s, len, out, (ar_stem_mode) mode);
			size_t		k = ar_stem_cp(cp, n, st, (ar_stem_mode) mode);

			if (m > len + 2 * AR_STEM_GROWTH)
				fprintf(stderr, "  %s (mode %d): %zu-byte stem %.*s of a %zu-byte word\n",
						s, mode, m, (int) m, out, len);
			CHECK(m <= len + 2 * AR_STEM_GROWTH);
			CHECK(k <= n + AR_STEM_GROWTH);
		}
	}
}

/*
 * fuzz_gazetteer, crash-cd5941c3...: a row whose name was not valid UTF-8
 * became its own canonical, and ar_entities returned it as the normalized
 * value of a valid text.  Rows must be valid UTF-8 without NUL bytes.
 */
UNIT_SUITE(fuzz_gazetteer_rows)
{
	ar_gaz	   *g = ar_gaz_new();

	CHECK(g != NULL);
	if (g == NULL)
		return;
	CHECK(ar_gaz_add(g, "\xa3\xd9\x84\xd9\x86", 5, AR_E_PERSON, NULL, 0) == -1);
	CHECK(ar_gaz_add(g, "OMSAC", 5, AR_E_ORGANIZATION, "\xd8", 1) == -1);
	CHECK(ar_gaz_add(g, "a\0b", 3, AR_E_ORGANIZATION, NULL, 0) == -1);
	CHECK(ar_gaz_add(g, "OMSAC", 5, AR_E_ORGANIZATION, "\xd8\xa7", 2) == 0);
	ar_gaz_free(g);
}
