/*
 * test_normalize_parse.c
 *	  The rule-list parser's report of an unknown name (whole, or cut at a
 *	  character boundary) and the capacity ar_normalize_lower needs.
 */
#include <stdlib.h>

#include "unit.h"
#include "ar_normalize.h"
#include "ar_utf8.h"

/* Is s[0..len-1] made of whole UTF-8 characters? */
static int
whole_chars(const char *s, size_t len)
{
	size_t		i = 0;
	int			nb;

	while (i < len)
	{
		if (ar_utf8_decode((const unsigned char *) s + i, len - i, &nb) == AR_UTF8_BAD)
			return 0;
		i += (size_t) nb;
	}
	return 1;
}

UNIT_SUITE(normalize_parse)
{
	char		bad[64],
				spec[400];
	uint32_t	r;
	size_t		i,
				n;

	/* a name that fits is copied whole */
	CHECK(ar_normalize_parse_rules("alef, حروف", &r, bad, sizeof(bad)) == -1);
	CHECK_STR(bad, "حروف");

	/* a long Arabic name: cut before a character, never inside one */
	for (i = 0; i < 5; i++)
	{
		/* shift by one byte each time, so that 63 falls on both halves */
		n = i;
		memset(spec, 'x', n);
		while (n < 300)
		{
			memcpy(spec + n, "ن", 2);
			n += 2;
		}
		spec[n] = '\0';
		CHECK(ar_normalize_parse_rules(spec, &r, bad, sizeof(bad)) == -1);
		n = strlen(bad);
		CHECK(n < sizeof(bad) && n > 50);
		CHECK(whole_chars(bad, n));
		CHECK(n >= 3 && memcmp(bad + n - 3, "...", 3) == 0);
	}
	/* three-byte characters too (U+FDFA) */
	for (n = 0; n < 300; n += 3)
		memcpy(spec + n, "\xEF\xB7\xBA", 3);
	spec[n] = '\0';
	CHECK(ar_normalize_parse_rules(spec, &r, bad, sizeof(bad)) == -1);
	CHECK(whole_chars(bad, strlen(bad)));
	/* a tiny buffer still gets a terminated, whole-character name */
	CHECK(ar_normalize_parse_rules("نننن", &r, bad, 4) == -1);
	CHECK_STR(bad, "ن");
}

UNIT_SUITE(normalize_lower)
{
	uint32_t	cp;
	int			over = 0;
	unsigned char in[4];
	char		out[16];

	/* one character at a time: the output fits the documented capacity */
	for (cp = 0x80; cp <= 0x10FFFF; cp++)
	{
		int			n;

		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		n = ar_utf8_encode(cp, in);
		if (ar_normalize_lower((const char *) in, (size_t) n, out) >
			ar_normalize_lower_bound((size_t) n))
			over++;
	}
	CHECK(over == 0);
	/* and two-byte capitals that grow, repeated */
	{
		char		s[200],
				   *o;
		size_t		k;

		for (k = 0; k < 100; k += 2)
			memcpy(s + k, "\xC8\xBA", 2);	/* Ⱥ U+023A */
		o = malloc(ar_normalize_lower_bound(100));
		CHECK(ar_normalize_lower(s, 100, o) == 150);
		free(o);
	}
}
