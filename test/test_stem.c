/*
 * test_stem.c
 *	  Unit tests of the light stemmer, the root extractor and the clitic rule.
 *
 * Inputs go through the "search" normalization first, as in the dictionary,
 * so the expected stems are written in the normalized alphabet.
 */
#include <stdint.h>
#include <string.h>

#include "unit.h"
#include "ar_normalize.h"
#include "ar_stem.h"
#include "ar_utf8.h"

/* Normalize then stem a UTF-8 word; the result lives until the next call. */
static const char *
stem_mode(const char *word, ar_stem_mode mode)
{
	static char norm[4096];
	static char out[4096];
	size_t		len = strlen(word);
	size_t		n;

	if (ar_normalize_bound(word, len, AR_N_PROFILE_SEARCH) >= sizeof(norm))
		return NULL;
	n = ar_normalize(word, len, AR_N_PROFILE_SEARCH, norm);
	n = ar_stem_utf8(norm, n, out, mode);
	out[n] = '\0';
	return out;
}

static const char *
stem(const char *word)
{
	return stem_mode(word, AR_STEM_LIGHT);
}

static const char *
root(const char *word)
{
	return stem_mode(word, AR_STEM_ROOT);
}

/* Decode a UTF-8 literal into code points; returns the count. */
static size_t
to_cp(const char *s, uint32_t *cp, size_t cap)
{
	size_t		len = strlen(s);
	size_t		n = 0;

	while (len > 0 && n < cap)
	{
		int			nb;

		cp[n++] = ar_utf8_decode((const unsigned char *) s, len, &nb);
		s += nb;
		len -= nb;
	}
	return n;
}

static size_t
clitic(const char *word, int with_article)
{
	uint32_t	cp[128];
	size_t		n = to_cp(word, cp, 128);

	return ar_clitic_prefix_len(cp, n, with_article);
}

UNIT_SUITE(stem_lists)
{
	const char *bad = ar_stem_data_check();

	CHECK_STR(bad ? bad : "sorted", "sorted");
}

UNIT_SUITE(stem_clitics)
{
	/* article and its combinations with conjunctions and prepositions */
	CHECK_STR(stem("الكتاب"), "كتاب");
	CHECK_STR(stem("والكتاب"), "كتاب");
	CHECK_STR(stem("بالكتاب"), "كتاب");
	CHECK_STR(stem("وبالكتاب"), "كتاب");
	CHECK_STR(stem("فبالكتاب"), "كتاب");
	CHECK_STR(stem("كالكتاب"), "كتاب");
	CHECK_STR(stem("وكالكتاب"), "كتاب");
	CHECK_STR(stem("للكتاب"), "كتاب");
	CHECK_STR(stem("وللكتاب"), "كتاب");
	CHECK_STR(stem("فللكتاب"), "كتاب");
	CHECK_STR(stem("وكتاب"), "كتاب");
	CHECK_STR(stem("فكتاب"), "كتاب");
	/* a lone preposition is kept unless what follows is a known word */
	CHECK_STR(stem("بحث"), "بحث");
	CHECK_STR(stem("كبير"), "كبير");
	CHECK_STR(stem("لبنان"), "لبنان");
	CHECK_STR(stem("ببيروت"), "بيروت");
	CHECK_STR(stem("لواشنطن"), "واشنطن");
	/* the shared rule used by the entity engine */
	CHECK(clitic("والرئيس", 1) == 3);
	CHECK(clitic("والرئيس", 0) == 1);
	CHECK(clitic("للرئيس", 1) == 2);
	CHECK(clitic("وبالمدينة", 1) == 4);
	CHECK(clitic("لواشنطن", 1) == 1);
	CHECK(clitic("ببغداد", 1) == 1);
	CHECK(clitic("بغداد", 1) == 0);
	CHECK(clitic("وزير", 1) == 0);
	CHECK(clitic("والوزير", 1) == 3);
	CHECK(clitic("البانيا", 1) == 0);
	CHECK(clitic("الله", 1) == 0);
	CHECK(clitic("بيروت", 1) == 0);
	CHECK(clitic("ول", 1) == 0);
	CHECK(clitic("", 1) == 0);
	CHECK(clitic("hello", 1) == 0);
}

UNIT_SUITE(stem_suffixes)
{
	/* feminine, dual, plural, nisba: masculine and feminine adjectives meet */
	CHECK_STR(stem("دولي"), "دولي");
	CHECK_STR(stem("الدولية"), "دولي");
	CHECK_STR(stem("الدوليين"), "دولي");
	CHECK_STR(stem("دوليون"), "دولي");
	CHECK_STR(stem("الدوليات"), "دولي");
	CHECK_STR(stem("دوليتين"), "دولي");
	/* ... and stay apart from the noun دولة */
	CHECK_STR(stem("الدولة"), "دول");
	CHECK_STR(stem("دولتان"), "دول");
	CHECK_STR(stem("المعلمون"), "معلم");
	CHECK_STR(stem("المعلمين"), "معلم");
	CHECK_STR(stem("معلمات"), "معلم");
	CHECK_STR(stem("كثيرا"), "كثير");
	/* pronoun suffixes */
	CHECK_STR(stem("كتابهم"), "كتاب");
	CHECK_STR(stem("كتابها"), "كتاب");
	CHECK_STR(stem("كتابهما"), "كتاب");
	CHECK_STR(stem("كتابكم"), "كتاب");
	CHECK_STR(stem("كتابنا"), "كتاب");
	CHECK_STR(stem("وكتابهن"), "كتاب");
	CHECK_STR(stem("سياراتهم"), "سيار");
	/* verbs */
	CHECK_STR(stem("قالوا"), "قال");
	CHECK_STR(stem("قالت"), "قال");
	CHECK_STR(stem("يطلبون"), "طلب");
	CHECK_STR(stem("ويعرفان"), "عرف");
	CHECK_STR(stem("سيقولون"), "قول");
	CHECK_STR(stem("وستة"), "ست");
	/* a lone ل before four letters is a preposition; ف before a short stem is not */
	CHECK_STR(stem("لمنظمة"), stem("منظمة"));
	CHECK_STR(stem("فرقة"), "فرق");
	CHECK_STR(stem("فالفرقة"), "فرق");
	CHECK_STR(stem("السياسات"), "سياس");
	/* guards: short words and endings that belong to the word */
	CHECK_STR(stem("وقت"), "وقت");
	CHECK_STR(stem("صوت"), "صوت");
	CHECK_STR(stem("مهم"), "مهم");
	CHECK_STR(stem("حكم"), "حكم");
	CHECK_STR(stem("التصويت"), "تصويت");
	CHECK_STR(stem("باكستان"), "باكستان");
}

UNIT_SUITE(stem_exceptions)
{
	/* initial letters that belong to the word */
	CHECK_STR(stem("وزير"), "وزير");
	CHECK_STR(stem("الوزير"), "وزير");
	CHECK_STR(stem("والوزيرة"), "وزير");
	CHECK_STR(stem("وزارة"), "وزار");
	CHECK_STR(stem("الوزارات"), "وزار");
	CHECK_STR(stem("فيلم"), "فيلم");
	CHECK_STR(stem("فريق"), "فريق");
	CHECK_STR(stem("بيروت"), "بيروت");
	CHECK_STR(stem("وبيروت"), "بيروت");
	CHECK_STR(stem("البانيا"), "البانيا");
	CHECK_STR(stem("الله"), "الله");
	CHECK_STR(stem("والله"), "الله");
	CHECK_STR(stem("الألمانية"), "الماني");
	CHECK_STR(stem("ألماني"), "الماني");
	CHECK_STR(stem("الالتزام"), "التزام");
	CHECK_STR(stem("يوم"), "يوم");
	CHECK_STR(stem("اليومية"), "يومي");
	CHECK_STR(stem("سياسة"), "سياس");
	CHECK_STR(stem("والسياسية"), "سياسي");
	/* frozen names */
	CHECK_STR(stem("لبنان"), "لبنان");
	CHECK_STR(stem("فلسطين"), "فلسطين");
	CHECK_STR(stem("كورونا"), "كورونا");
	CHECK_STR(stem("مليون"), "مليون");
	CHECK_STR(stem("والسودان"), "سودان");
}

UNIT_SUITE(stem_plurals)
{
	/* a broken plural and its singular share one stem */
	CHECK_STR(stem("مراكز"), "مركز");
	CHECK_STR(stem("المراكز"), "مركز");
	CHECK_STR(stem("مركز"), "مركز");
	CHECK_STR(stem("الدول"), "دول");
	CHECK_STR(stem("دولهم"), "دول");
	CHECK_STR(stem("الوزراء"), "وزير");
	CHECK_STR(stem("رؤساء"), "رييس");
	CHECK_STR(stem("رئيس"), "رييس");
	CHECK_STR(stem("للأطفال"), "طفل");
	CHECK_STR(stem("ملايين"), "مليون");
	CHECK_STR(stem("المدن"), "مدين");
	CHECK_STR(stem("مدينة"), "مدين");
	CHECK_STR(stem("وجوه"), "وجه");
}

UNIT_SUITE(stem_root)
{
	CHECK_STR(root("استخدام"), "خدم");
	CHECK_STR(root("المستخدمين"), "خدم");
	CHECK_STR(root("اجتماع"), "جمع");
	CHECK_STR(root("مكتوب"), "كتب");
	CHECK_STR(root("كاتب"), "كتب");
	CHECK_STR(root("الكتاب"), "كتب");
	CHECK_STR(root("مدارس"), "درس");
	CHECK_STR(root("انسحاب"), "سحب");
	CHECK_STR(root("تعاون"), "عون");
	CHECK_STR(root("بيروت"), "بيروت");
}

UNIT_SUITE(stem_edges)
{
	uint32_t	in[2000] = {0};
	uint32_t	out[2000];
	char		big[3000];
	char		bigout[3000];
	size_t		i;

	/* empty input */
	CHECK(ar_stem_cp(in, 0, out, AR_STEM_LIGHT) == 0);
	CHECK(ar_stem_utf8("", 0, bigout, AR_STEM_LIGHT) == 0);
	CHECK_STR(stem(""), "");
	/* non-Arabic and mixed tokens are copied */
	CHECK_STR(stem("hello"), "hello");
	CHECK_STR(stem("2021"), "2021");
	CHECK_STR(stem("الكتابX"), "الكتابX");
	CHECK_STR(stem("Ελλάδα"), "Ελλάδα");
	/* invalid UTF-8 comes back byte for byte */
	CHECK(ar_stem_utf8("\xd8\xa7\xff", 3, bigout, AR_STEM_LIGHT) == 3 &&
		  memcmp(bigout, "\xd8\xa7\xff", 3) == 0);
	/* NONE copies */
	CHECK_STR(stem_mode("والكتاب", AR_STEM_NONE), "والكتاب");
	/* one and two letters never vanish */
	CHECK_STR(stem("و"), "و");
	CHECK_STR(stem("ال"), "ال");
	CHECK_STR(stem("به"), "به");
	CHECK_STR(root("ها"), "ها");
	/* very long words: beyond the analysed length, copied */
	for (i = 0; i < 1500; i++)
		in[i] = 0x0645;
	CHECK(ar_stem_cp(in, 1500, out, AR_STEM_LIGHT) == 1500 &&
		  memcmp(in, out, 1500 * sizeof(uint32_t)) == 0);
	CHECK(ar_stem_cp(in, AR_STEM_MAX_CP, out, AR_STEM_ROOT) >= 1);
	/* an Arabic word of 1400 bytes is over the byte limit: copied */
	for (i = 0; i < 1400; i += 2)
	{
		big[i] = (char) 0xD9;
		big[i + 1] = (char) 0x85;
	}
	CHECK(ar_stem_utf8(big, 1400, bigout, AR_STEM_LIGHT) == 1400 &&
		  memcmp(big, bigout, 1400) == 0);
	/* in place works for the code point API */
	i = to_cp("والكتابات", in, 2000);
	i = ar_stem_cp(in, i, in, AR_STEM_LIGHT);
	CHECK(i == 4 && in[0] == 0x0643 && in[3] == 0x0628);
}
