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

/*
 * Tokens of a run of n copies of the character ch (nb bytes) then " و":
 * checks every byte is covered, no token is over AR_TOK_MAX_BYTES, the run
 * begins with a token of type first and goes on as blanks, and the word
 * after it is whole.  Returns the number of tokens of the run.
 */
static size_t
long_run(const char *ch, size_t nb, size_t n, ar_toktype first)
{
	size_t		len = n * nb + 3,
				i,
				pieces = 0,
				at = 0;
	char	   *s = malloc(len);
	ar_tokenizer t;
	ar_token	k;
	int			ok = 1;

	for (i = 0; i < n; i++)
		memcpy(s + i * nb, ch, nb);
	memcpy(s + n * nb, " \xD9\x88", 3);
	ar_tok_init(&t, s, len);
	while (ar_tok_next(&t, &k) != AR_T_END)
	{
		if (k.start != at || k.len == 0 || k.len > AR_TOK_MAX_BYTES)
			ok = 0;
		at += k.len;
		if (k.start < n * nb)
		{
			if (k.type != (pieces == 0 ? first : AR_T_BLANK) ||
				(first != AR_T_BLANK && k.start + k.len > n * nb))
				ok = 0;
			pieces++;
		}
		else if (k.start == n * nb + 1 && (k.type != AR_T_ARABIC || k.len != 2))
			ok = 0;
	}
	free(s);
	CHECK(ok && at == len);
	return ok && at == len ? pieces : 0;
}

UNIT_SUITE(tokenize_long_runs)
{
	size_t		m = AR_TOK_MAX_BYTES;

	/* a word up to the limit is one token; one letter more makes a piece */
	CHECK(long_run("\xD8\xA8", 2, m / 2, AR_T_ARABIC) == 1);
	CHECK(long_run("\xD8\xA8", 2, m / 2 + 1, AR_T_ARABIC) == 2);
	/* a long word: its first piece is a word, the rest blank pieces */
	CHECK(long_run("\xD8\xA8", 2, 5 * m / 2 + 7, AR_T_ARABIC) == 6);
	/* three-byte letters (presentation forms) straddle the cut */
	CHECK(long_run("\xEF\xBA\x8D", 3, 2 * m, AR_T_ARABIC) >= 6);
	/* other scripts, digits, tags */
	CHECK(long_run("a", 1, 3 * m, AR_T_WORD) == 3);
	CHECK(long_run("7", 1, 3 * m + 1, AR_T_NUMBER) == 4);
	CHECK(long_run("a1", 2, 2 * m, AR_T_NUMWORD) == 4);
	/* a long blank is cut too */
	CHECK(long_run("-", 1, 2 * m, AR_T_BLANK) == 2);
	/* ZWNJ inside a word across the cut stays in the run */
	CHECK(long_run("\xD8\xA8\xE2\x80\x8C\xD8\xA8", 7, m / 2, AR_T_ARABIC) >= 4);
}
