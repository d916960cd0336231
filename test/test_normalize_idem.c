/*
 * test_normalize_idem.c
 *	  Properties of the normalizer over generated strings: normalizing twice
 *	  changes nothing (every profile and every rule set), the output never
 *	  exceeds ar_normalize_bound and that bound follows the real growth of
 *	  presentation forms; composition after a presentation form or across
 *	  what the rules drop.
 */
#include <stdlib.h>

#include "unit.h"
#include "ar_normalize.h"
#include "ar_utf8.h"

/*
 * The alphabet of the generated strings: the characters whose interplay
 * matters (bases that compose with hamza/madda and their folds, the marks,
 * harakat, what the rules drop, presentation forms that expand to them).
 */
static const uint32_t alphabet[] = {
	0x0627, 0x0623, 0x0671, 0x0649, 0x064A, 0x06CC, 0x06D2, 0x06D5, 0x06C1,
	0x0648, 0x0624, 0x0647, 0x0628, 0x0629,		/* letters */
	0x064E, 0x0651, 0x064B, 0x0670, 0x06D6,		/* harakat, a Quranic mark */
	0x0653, 0x0654, 0x0655,		/* madda, hamza above and below */
	0x0640, 0x200D, 0x200C, 0x200F, 0x061C, 0x00AD,	/* dropped by rules */
	0xFE8D, 0xFEFB, 0xFE77, 0xFE71, 0xFBFC, 0xFBAE, 0xFE80, 0xFDFA,	/* forms */
	0x0663, 0x060C, ' ', 'a',
};
#define NALPHA (sizeof(alphabet) / sizeof(alphabet[0]))
#define MAXCP 12

static char *
normalize_alloc(const char *s, size_t len, uint32_t rules, size_t *outlen)
{
	size_t		bound = ar_normalize_bound(s, len, rules);
	char	   *out = malloc(bound + 1);

	*outlen = ar_normalize(s, len, rules, out);
	return out;
}

/* Does normalizing s once more under rules change it?  Checks the bound too. */
static int
idempotent(const char *s, size_t len, uint32_t rules)
{
	size_t		n1,
				n2;
	char	   *once = normalize_alloc(s, len, rules, &n1);
	char	   *twice = normalize_alloc(once, n1, rules, &n2);
	int			ok = n1 <= ar_normalize_bound(s, len, rules) &&
		n1 == n2 && memcmp(once, twice, n1) == 0;

	if (!ok)
	{
		size_t		i;

		fprintf(stderr, "not idempotent under rules 0x%x:", (unsigned) rules);
		for (i = 0; i < len; i++)
			fprintf(stderr, " %02x", (unsigned char) s[i]);
		fprintf(stderr, "\n");
	}
	free(once);
	free(twice);
	return ok;
}

static size_t
encode(const uint32_t *cps, int n, char *buf)
{
	size_t		len = 0;
	int			i;

	for (i = 0; i < n; i++)
		len += (size_t) ar_utf8_encode(cps[i], (unsigned char *) buf + len);
	return len;
}

/* A small deterministic generator, so that a failure can be replayed. */
static uint32_t
lcg(uint32_t *state)
{
	*state = *state * 1664525u + 1013904223u;
	return *state >> 8;
}

UNIT_SUITE(normalize_idem)
{
	static const uint32_t profiles[] = {AR_N_PROFILE_SEARCH, AR_N_PROFILE_DISPLAY};
	char		buf[MAXCP * 4 + 1];
	uint32_t	cps[MAXCP];
	uint32_t	rng = 20261201u;
	size_t		a,
				b,
				c,
				len;
	int			p,
				bad = 0,
				runs = 0;
	uint32_t	rules;

	/* every string of up to three characters, both profiles and each rule */
	for (p = 0; p < 2 + 11; p++)
	{
		rules = p < 2 ? profiles[p] : 1u << (p - 2);
		for (a = 0; a < NALPHA; a++)
			for (b = 0; b <= NALPHA; b++)
				for (c = 0; c <= NALPHA; c++)
				{
					int			n = 0;

					cps[n++] = alphabet[a];
					if (b < NALPHA)
						cps[n++] = alphabet[b];
					if (c < NALPHA)
						cps[n++] = alphabet[c];
					len = encode(cps, n, buf);
					runs++;
					if (!idempotent(buf, len, rules) && ++bad > 20)
						goto done;
				}
	}

	/* longer random strings under every one of the 2^11 rule sets */
	for (rules = 0; rules <= AR_N_ALL; rules++)
	{
		int			k;

		for (k = 0; k < 40; k++)
		{
			int			n = 1 + (int) (lcg(&rng) % MAXCP),
						i;

			for (i = 0; i < n; i++)
				cps[i] = alphabet[lcg(&rng) % NALPHA];
			len = encode(cps, n, buf);
			runs++;
			if (!idempotent(buf, len, rules) && ++bad > 20)
				goto done;
		}
	}
done:
	CHECK(bad == 0);
	CHECK(runs > 100000 || bad > 0);
}

/* Normalize a NUL-terminated string into a static buffer. */
static const char *
norm(const char *s, uint32_t rules)
{
	static char buf[512];
	size_t		len = strlen(s);
	size_t		n;

	if (ar_normalize_bound(s, len, rules) >= sizeof(buf))
		return "(too long)";
	n = ar_normalize(s, len, rules, buf);
	buf[n] = '\0';
	return buf;
}

UNIT_SUITE(normalize_compose)
{
	/* after a presentation form: U+FE8D is ا, and ا + U+0654 is أ */
	CHECK_STR(norm("\xEF\xBA\x8D\xD9\x94", AR_N_PRESENTATION | AR_N_DIACRITICS), "أ");
	CHECK_STR(norm("\xEF\xBA\x8D\xD9\x94", AR_N_PROFILE_DISPLAY), "أ");
	CHECK_STR(norm("ﻻ\xD9\x95", AR_N_PRESENTATION), "لإ");
	/* across what the rules drop: tatweel, invisible characters */
	CHECK_STR(norm("اـ\xD9\x94", AR_N_TATWEEL), "أ");
	CHECK_STR(norm("ا\xE2\x80\x8D\xD9\x94", AR_N_INVISIBLE), "أ");
	CHECK_STR(norm("وَـ\xD9\x94", AR_N_PROFILE_DISPLAY), "ؤَ");
	/* but not across what is kept */
	CHECK_STR(norm("اـ\xD9\x94", 0), "اـ\xD9\x94");
	CHECK_STR(norm("\xEF\xBA\x8D\xD9\x94", 0), "\xEF\xBA\x8D\xD9\x94");
	/* the base as written composes first, then its fold */
	CHECK_STR(norm("ے\xD9\x94", AR_N_PERSIAN), "ۓ");
	CHECK_STR(norm("ی\xD9\x94", AR_N_PERSIAN), "ئ");
	CHECK_STR(norm("ی\xD9\x94", 0), "ی\xD9\x94");
}

UNIT_SUITE(normalize_bound)
{
	uint32_t	cp;
	int			bad = 0;
	char		in[3000],
			   *out;
	size_t		i,
				b,
				n;

	/* each presentation form: the bound covers its expansion and no more */
	for (cp = 0xFB50; cp <= 0xFEFE; cp++)
	{
		if (cp > 0xFDFF && cp < 0xFE70)
			continue;
		n = (size_t) ar_utf8_encode(cp, (unsigned char *) in);
		b = ar_normalize_bound(in, n, AR_N_PRESENTATION);
		out = normalize_alloc(in, n, AR_N_PRESENTATION, &i);
		if (i > b || b > (i > 3 ? i : 3))
			bad++;
		free(out);
	}
	CHECK(bad == 0);

	/* ﻻ grows by one byte, not by the longest expansion (ﷺ's 30) */
	for (i = 0; i < 1000; i++)
		memcpy(in + 3 * i, "\xEF\xBB\xBB", 3);
	CHECK(ar_normalize_bound(in, 3000, AR_N_PRESENTATION) == 4000);
	CHECK(ar_normalize_bound(in, 3000, AR_N_PROFILE_SEARCH) == 4000);
	CHECK(ar_normalize_bound(in, 3000, AR_N_DIACRITICS) == 3000);
	out = normalize_alloc(in, 3000, AR_N_PROFILE_SEARCH, &n);
	CHECK(n == 4000);
	free(out);
	/* a lead byte without its sequence adds nothing */
	CHECK(ar_normalize_bound("\xEF\xBB", 2, AR_N_PRESENTATION) == 2);
}
