/*
 * test_normalize.c
 *	  Unit tests of the core normalizer: each rule, profiles, composition,
 *	  presentation forms, rule parsing, invalid UTF-8.
 */
#include <stdlib.h>

#include "unit.h"
#include "ar_normalize.h"

/* Normalize s under rules into a static buffer and return it as a C string. */
static const char *
norm(const char *s, uint32_t rules)
{
	static char buf[4096];
	size_t		len = strlen(s);
	size_t		n;

	if (ar_normalize_bound(s, len, rules) >= sizeof(buf))
		return "(too long)";
	n = ar_normalize(s, len, rules, buf);
	buf[n] = '\0';
	return buf;
}

static uint32_t
rules_of(const char *spec)
{
	uint32_t	r = 0;
	char		bad[64];

	if (ar_normalize_parse_rules(spec, &r, bad, sizeof(bad)) != 0)
		return 0xFFFFFFFF;
	return r;
}

UNIT_SUITE(normalize)
{
	char		bad[64];
	uint32_t	r;

	/* each rule alone */
	CHECK_STR(norm("مُحَمَّدٌ", AR_N_DIACRITICS), "محمد");
	CHECK_STR(norm("الْقُرْآنٰ", AR_N_DIACRITICS), "القرآن");
	CHECK_STR(norm("جـريـمـة", AR_N_TATWEEL), "جريمة");
	CHECK_STR(norm("أإآٱ", AR_N_ALEF), "اااا");
	CHECK_STR(norm("مستشفى", AR_N_YEH), "مستشفي");
	CHECK_STR(norm("مدينة", AR_N_TEH_MARBUTA), "مدينه");
	CHECK_STR(norm("مؤتمر رئيس", AR_N_HAMZA), "موتمر رييس");
	CHECK_STR(norm("٢٠٢٣ ۱۴", AR_N_DIGITS), "2023 14");
	CHECK_STR(norm("\xEF\xBB\xBB", AR_N_PRESENTATION), "لا");	/* U+FEFB */
	CHECK_STR(norm("\xEF\xBA\x8D", AR_N_PRESENTATION), "ا");	/* U+FE8D */
	CHECK_STR(norm("a\xE2\x80\x8F" "b\xE2\x80\x8C" "c\xEF\xBB\xBF", AR_N_INVISIBLE), "abc");
	CHECK_STR(norm("کتاب ی", AR_N_PERSIAN), "كتاب ي");
	CHECK_STR(norm("نعم، لا؛ لماذا؟ ٪", AR_N_PUNCTUATION), "نعم, لا; لماذا? %");

	/* rules not asked for leave text alone */
	CHECK_STR(norm("أَحْمَد", AR_N_TATWEEL), "أَحْمَد");
	CHECK_STR(norm("Hello, world", AR_N_ALL), "Hello, world");
	CHECK_STR(norm("", AR_N_ALL), "");

	/* composition before folding: ا + U+0654 is أ */
	CHECK_STR(norm("ا\xD9\x94", 0), "أ");
	CHECK_STR(norm("ا\xD9\x94", AR_N_ALEF), "ا");
	CHECK_STR(norm("ي\xD9\x94", 0), "ئ");
	CHECK_STR(norm("و\xD9\x94", AR_N_HAMZA), "و");
	/* a haraka between the letter and the hamza does not block composition */
	CHECK_STR(norm("اَ\xD9\x94", 0), "أَ");
	CHECK_STR(norm("اَّ\xD9\x94", 0), "أَّ");
	CHECK_STR(norm("اَّ\xD9\x94", AR_N_DIACRITICS | AR_N_ALEF), "ا");
	CHECK_STR(norm("\xD9\x94" "ا", 0), "\xD9\x94" "ا");
	CHECK_STR(norm("ے\xD9\x94", AR_N_PERSIAN), "ۓ");
	/* an uncomposable hamza mark is a diacritic */
	CHECK_STR(norm("ب\xD9\x94", AR_N_DIACRITICS), "ب");

	/* presentation forms are folded further by the other rules */
	CHECK_STR(norm("\xEF\xBA\x83", AR_N_PRESENTATION | AR_N_ALEF), "ا");	/* FE83 أ */
	CHECK_STR(norm("\xEF\xBA\x83", AR_N_PRESENTATION), "أ");

	/* profiles */
	CHECK_STR(norm("الـفَسَادُ \xE2\x80\x8F" "أحمد", AR_N_PROFILE_DISPLAY), "الفَسَادُ أحمد");
	CHECK_STR(norm("الـفَسَادُ \xE2\x80\x8F" "أحمد ة", AR_N_PROFILE_SEARCH), "الفساد احمد ه");

	/* invalid UTF-8 passes through byte for byte */
	CHECK_STR(norm("a\xFF\xC3" "b", AR_N_ALL), "a\xFF\xC3" "b");
	/* truncated sequence at the end */
	CHECK_STR(norm("\xD9", AR_N_ALL), "\xD9");

	/* rule parsing */
	CHECK(rules_of("search") == AR_N_PROFILE_SEARCH);
	CHECK(rules_of("display") == AR_N_PROFILE_DISPLAY);
	CHECK(rules_of(" Alef , yeh") == (AR_N_ALEF | AR_N_YEH));
	CHECK(rules_of("alef,") == 0xFFFFFFFF);
	CHECK(rules_of("") == 0xFFFFFFFF);
	CHECK(ar_normalize_parse_rules("alef, nope", &r, bad, sizeof(bad)) == -1);
	CHECK_STR(bad, "nope");

	/* bound covers the largest expansion (U+FDFA) */
	{
		const char *s = "\xEF\xB7\xBA";
		size_t		b = ar_normalize_bound(s, 3, AR_N_PRESENTATION);
		char	   *buf = malloc(b);
		size_t		n = ar_normalize(s, 3, AR_N_PRESENTATION, buf);

		CHECK(n > 20 && n <= b);
		free(buf);
	}
}
