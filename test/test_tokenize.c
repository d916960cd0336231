/*
 * test_tokenize.c
 *	  Unit tests of the tokenizer: token types, boundaries, full coverage.
 */
#include <stdlib.h>

#include "unit.h"
#include "ar_tokenize.h"

/* "type:text|type:text|..." of s, for compact expectations. */
static const char *
toks(const char *s)
{
	static char buf[4096];
	ar_tokenizer t;
	ar_token	k;
	size_t		o = 0;

	ar_tok_init(&t, s, strlen(s));
	buf[0] = '\0';
	while (ar_tok_next(&t, &k) != AR_T_END && o + k.len + 16 < sizeof(buf))
		o += (size_t) snprintf(buf + o, sizeof(buf) - o, "%s%s:%.*s",
							   o ? "|" : "", ar_tok_name(k.type),
							   (int) k.len, s + k.start);
	return buf;
}

/* Do the tokens of s cover every byte, in order, without gaps? */
static int
covers(const char *s, size_t len)
{
	ar_tokenizer t;
	ar_token	k;
	size_t		at = 0;

	ar_tok_init(&t, s, len);
	while (ar_tok_next(&t, &k) != AR_T_END)
	{
		if (k.start != at || k.len == 0)
			return 0;
		at += k.len;
	}
	return at == len;
}

UNIT_SUITE(tokenize)
{
	CHECK_STR(toks("قال الرئيس، «لا»؛"), "arabic:قال|blank: |arabic:الرئيس|blank:، «|arabic:لا|blank:»؛");
	CHECK_STR(toks("الفَسَادُ والـفـسـاد"), "arabic:الفَسَادُ|blank: |arabic:والـفـسـاد");
	CHECK_STR(toks("می\xE2\x80\x8Cخواهم"), "arabic:می\xE2\x80\x8Cخواهم");
	CHECK_STR(toks("كلمة\xE2\x80\x8C "), "arabic:كلمة|blank:\xE2\x80\x8C ");
	CHECK_STR(toks("OMSAC و UNHCR"), "word:OMSAC|blank: |arabic:و|blank: |word:UNHCR");
	CHECK_STR(toks("لـUNICEF"), "arabic:لـ|word:UNICEF");
	CHECK_STR(toks("G20 covid19 5G"), "numword:G20|blank: |numword:covid19|blank: |numword:5G");
	CHECK_STR(toks("2.5 1,000 ٣٫٥ ٢٠٢٣م"), "number:2.5|blank: |number:1,000|blank: |number:٣٫٥|blank: |number:٢٠٢٣|arabic:م");
	CHECK_STR(toks("عام 2021."), "arabic:عام|blank: |number:2021|blank:.");
	CHECK_STR(toks("انظر https://example.org/a?b=1. الآن"), "arabic:انظر|blank: |url:https://example.org/a?b=1|blank:. |arabic:الآن");
	CHECK_STR(toks("www.example.com،"), "url:www.example.com|blank:،");
	CHECK_STR(toks("راسلوا press@example.org."), "arabic:راسلوا|blank: |email:press@example.org|blank:.");
	CHECK_STR(toks("#مكافحة_الفساد @interpol_hq"), "hashtag:#مكافحة_الفساد|blank: |mention:@interpol_hq");
	CHECK_STR(toks("# @ #"), "blank:# @ #");
	CHECK_STR(toks("\xE2\x80\x8F\xE2\x80\x8E"), "blank:\xE2\x80\x8F\xE2\x80\x8E");
	CHECK_STR(toks("َُ"), "blank:َُ");
	CHECK_STR(toks(""), "");
	CHECK(covers("a\xFF\xFE b\xD9", 6));
	CHECK(covers("قال، «لا» 2.5% https://x.org/ #a @b e@x.io", strlen("قال، «لا» 2.5% https://x.org/ #a @b e@x.io")));
	CHECK_STR(ar_tok_name(AR_T_BLANK), "blank");
	CHECK(ar_tok_name(5) == NULL);
}

/*
 * The fast paths (two-byte letters of U+0600..U+07FF and ASCII blanks read
 * without the general decoder) must give the general answer at their edges.
 */
UNIT_SUITE(tokenize_fast_paths)
{
	static const char cut[] = "كتب\xD8";	/* truncated at the end */
	static const char bad[] = "كتب\xD8 ";	/* lead byte without its follower */

	CHECK_STR(toks("كتب\xD8"), "arabic:كتب|blank:\xD8");
	CHECK(covers(cut, sizeof(cut) - 1));
	CHECK(covers(bad, sizeof(bad) - 1));
	/* Syriac and Thaana (U+0700..U+07BF) letters are other words */
	CHECK_STR(toks("كتب\xDC\x90\xDC\x91"), "arabic:كتب|word:\xDC\x90\xDC\x91");
	/* Arabic-Indic digits and Arabic punctuation end a word */
	CHECK_STR(toks("سنة٢٠٢٣؟"), "arabic:سنة|number:٢٠٢٣|blank:؟");
	/* a mark or tatweel after a blank does not start a word */
	CHECK_STR(toks("ـ \xD9\x8E كتب"), "blank:ـ \xD9\x8E |arabic:كتب");
	/* # and @ in a blank run start a tag only before a word character */
	CHECK_STR(toks("، #وسم # @"), "blank:، |hashtag:#وسم|blank: # @");
	/* letters of the Arabic Supplement and Extended-A blocks (3 bytes) */
	CHECK_STR(toks("کتاب\xE0\xA2\xA0ب"), "arabic:کتاب\xE0\xA2\xA0ب");
}
