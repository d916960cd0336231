/*
 * test_entities.c
 *	  Unit tests of the entity engine, the gazetteer and the date/number
 *	  recognizers (every entity type, offsets, clitics, overlaps, bad input).
 */
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "ar_entities.h"
#include "ar_normalize.h"

#define MAXE 64

static int	count_type(const ar_gaz *gz, const char *s, ar_etype type);

typedef struct
{
	int			n;
	ar_etype	type[MAXE];
	char		text[MAXE][256];
	char		norm[MAXE][256];
	size_t		start[MAXE];
	size_t		prev_end;
	int			ordered;
	int			stop_after;
} got_t;

static int
collect(void *arg, ar_etype type, size_t start, size_t len, const char *norm, size_t nlen)
{
	got_t	   *g = arg;
	const char *s = (const char *) g->text[MAXE - 1];	/* unused slot: source pointer */

	if (type == AR_E_PROGRESS)
		return 0;
	(void) s;
	if (start < g->prev_end)
		g->ordered = 0;
	g->prev_end = start + len;
	if (g->n < MAXE - 1)
	{
		g->type[g->n] = type;
		g->start[g->n] = start;
		snprintf(g->norm[g->n], sizeof(g->norm[0]), "%.*s", (int) nlen, norm);
		g->text[g->n][0] = '\0';
		memcpy(g->text[g->n], &len, 0);
	}
	g->n++;
	return g->stop_after && g->n >= g->stop_after ? 7 : 0;
}

static ar_gaz *
test_gaz(void)
{
	ar_gaz	   *g = ar_gaz_new();
	static const char *const rows[][3] = {
		{"منظمة الأمن العالمية لمكافحة الفساد", "organization", ""},
		{"OMSAC", "organization", "منظمة الأمن العالمية لمكافحة الفساد"},
		{"الإنتربول", "organization", ""},
		{"الأمم المتحدة", "organization", ""},
		{"الولايات المتحدة", "location", ""},
		{"أمريكا", "location", "الولايات المتحدة"},
		{"المغرب", "location", ""},
		{"الرباط", "location", ""},
		{"بيروت", "location", ""},
		{"بريطانية", "nationality", "بريطاني"},
		{"البريطانية", "nationality", "بريطاني"},
		{"الجزائرية", "nationality", "جزائري"},
		{"الفرنسي", "nationality", "فرنسي"},
		{"محمد", "given_name", ""},
		{"جاك", "given_name", ""},
		{"شيراك", "person", "جاك شيراك"},
		{"كوفي أنان", "person", ""},
		{"مالي", "location", ""},
		{"سيدي بوزيد", "location", ""},
		{"بن قردان", "location", ""},
		{"أفريقيا", "location", ""},
		{"إفريقيا", "location", "أفريقيا"},
	};
	size_t		i;

	if (g == NULL)
		return NULL;
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		CHECK(ar_gaz_add(g, rows[i][0], strlen(rows[i][0]),
						 (ar_etype) ar_etype_parse(rows[i][1]), rows[i][2],
						 strlen(rows[i][2])) == 0);
	CHECK(ar_gaz_build(g) == 0);
	return g;
}

/* Run and find the entity whose source text is want; returns its index or -1. */
static int
find(const char *s, got_t *g, const char *want, ar_etype type)
{
	int			i;
	size_t		wl = strlen(want);

	(void) s;
	for (i = 0; i < g->n && i < MAXE - 1; i++)
	{
		if (g->type[i] != type)
			continue;
		if (strncmp(s + g->start[i], want, wl) == 0)
			return i;
	}
	return -1;
}

static got_t *
run(const ar_gaz *gz, const char *s)
{
	static got_t g;

	memset(&g, 0, sizeof(g));
	g.ordered = 1;
	CHECK(ar_entities_run(gz, s, strlen(s), collect, &g) == 0);
	CHECK(g.ordered);
	return &g;
}

/* Expect an entity of type with exactly this source span and normalized value. */
static void
expect(const ar_gaz *gz, const char *s, ar_etype type, const char *span, const char *norm)
{
	got_t	   *g = run(gz, s);
	int			i = find(s, g, span, type);

	CHECK(i >= 0);
	if (i >= 0)
		CHECK_STR(g->norm[i], norm);
	else
		fprintf(stderr, "  missing %s in: %s\n", span, s);
}

UNIT_SUITE(entities)
{
	ar_gaz	   *gz = test_gaz();
	got_t	   *g;
	const char *s;
	char	   *big;
	size_t		i,
				n;

	CHECK(gz != NULL);
	if (gz == NULL)
		return;
	CHECK_STR(ar_etype_name(AR_E_PERSON), "person");
	CHECK_STR(ar_etype_name(AR_E_MENTION), "mention");
	CHECK(ar_etype_parse("organization") == AR_E_ORGANIZATION);
	CHECK(ar_etype_parse("title") == AR_G_TITLE);
	CHECK(ar_etype_parse("nope") == -1);
	CHECK(ar_gaz_add(gz, "x", 1, AR_E_PERSON, NULL, 0) == -1);	/* after build */

	/* gazetteer names, aliases, longest match, clitics */
	expect(gz, "أعلنت منظمة الأمن العالمية لمكافحة الفساد اليوم", AR_E_ORGANIZATION,
		   "منظمة الأمن العالمية لمكافحة الفساد", "منظمة الأمن العالمية لمكافحة الفساد");
	expect(gz, "بيان OMSAC الأخير", AR_E_ORGANIZATION, "OMSAC",
		   "منظمة الأمن العالمية لمكافحة الفساد");
	s = "تعاون وبالإنتربول";
	g = run(gz, s);
	CHECK(g->n == 1 && g->type[0] == AR_E_ORGANIZATION);
	CHECK(g->n == 1 && strncmp(s + g->start[0], "الإنتربول", strlen("الإنتربول")) == 0);
	expect(gz, "وصل إلى ولأمريكا", AR_E_LOCATION, "أمريكا", "الولايات المتحدة");
	expect(gz, "قرار للأمم المتحدة", AR_E_ORGANIZATION, "لأمم المتحدة", "الأمم المتحدة");
	expect(gz, "في الولايات المتحدة", AR_E_LOCATION, "الولايات المتحدة", "الولايات المتحدة");
	expect(gz, "الجنسية الجزائرية، والبريطانية", AR_E_NATIONALITY, "البريطانية", "بريطاني");
	/* diacritics and tatweel do not block a match; the span keeps them */
	expect(gz, "زار بَيروت", AR_E_LOCATION, "بَيروت", "بيروت");

	/* persons: title excluded, given names extended, known names canonical */
	expect(gz, "قال الرئيس الفرنسي جاك شيراك إن", AR_E_PERSON, "جاك شيراك", "جاك شيراك");
	g = run(gz, "قال الرئيس الفرنسي جاك شيراك إن");
	CHECK(find("قال الرئيس الفرنسي جاك شيراك إن", g, "الرئيس", AR_E_PERSON) < 0);
	expect(gz, "التقى محمد حسني مبارك في", AR_E_PERSON, "محمد حسني مبارك", "محمد حسني مبارك");
	expect(gz, "وصرح كوفي أنان", AR_E_PERSON, "كوفي أنان", "كوفي أنان");
	expect(gz, "استقبل السيد كريستوف ماير الوفد", AR_E_PERSON, "كريستوف", "كريستوف ماير");
	expect(gz, "قال محمد الأحمدي إن", AR_E_PERSON, "محمد", "محمد الاحمدي");

	/* organizations by trigger words and acronyms */
	expect(gz, "أعلنت وزارة الخارجية المغربية أن", AR_E_ORGANIZATION,
		   "وزارة الخارجية المغربية", "وزاره الخارجيه المغربيه");
	expect(gz, "قالت المديرية العامة للأمن الوطني إن", AR_E_ORGANIZATION,
		   "المديرية العامة للأمن الوطني", "المديريه العامه للامن الوطني");
	expect(gz, "تقرير UNHCR الجديد", AR_E_ORGANIZATION, "UNHCR", "unhcr");
	expect(gz, "أرباح شركة نوكيا", AR_E_ORGANIZATION, "نوكيا", "نوكيا");

	/* locations by trigger words */
	expect(gz, "وصل إلى مدينة سوسة أمس", AR_E_LOCATION, "سوسة", "سوسه");

	/* dates */
	expect(gz, "يوم الخميس 18 نوفمبر 2021 في", AR_E_DATE, "الخميس 18 نوفمبر 2021", "2021-11-18");
	expect(gz, "في 3 كانون الثاني 2020", AR_E_DATE, "3 كانون الثاني 2020", "2020-01-03");
	expect(gz, "في 15 رمضان 1444 هـ", AR_E_DATE, "15 رمضان 1444 هـ", "1444-09-15H");
	expect(gz, "منذ عام 2021 والعمل", AR_E_DATE, "عام 2021", "2021");
	expect(gz, "في سبتمبر 2023", AR_E_DATE, "سبتمبر 2023", "2023-09");
	expect(gz, "بتاريخ 2023-09-20 صدر", AR_E_DATE, "2023-09-20", "2023-09-20");
	expect(gz, "بتاريخ 20/09/2023 صدر", AR_E_DATE, "20/09/2023", "2023-09-20");
	expect(gz, "في ٢٠ شتنبر ٢٠٢٣", AR_E_DATE, "٢٠ شتنبر ٢٠٢٣", "2023-09-20");
	expect(gz, "في 7 جويلية", AR_E_DATE, "7 جويلية", "--07-07");

	/* numbers, money, percent */
	expect(gz, "بلغ 1,250,000 شخص", AR_E_NUMBER, "1,250,000", "1250000");
	expect(gz, "بلغ ٣٫٥ مليون شخص", AR_E_NUMBER, "٣٫٥ مليون", "3500000");
	expect(gz, "بقيمة 2.5 مليون دولار أمس", AR_E_MONEY, "2.5 مليون دولار", "2500000 USD");
	expect(gz, "بقيمة 300 ألف درهم", AR_E_MONEY, "300 ألف درهم", "300000 MAD");
	expect(gz, "بقيمة 40 دينار كويتي", AR_E_MONEY, "40 دينار كويتي", "40 KWD");
	expect(gz, "بقيمة 40 دينارا", AR_E_MONEY, "40 دينارا", "40 DINAR");
	expect(gz, "بقيمة $120 فقط", AR_E_MONEY, "$120", "120 USD");
	expect(gz, "ارتفع 15% أمس", AR_E_PERCENT, "15%", "15%");
	expect(gz, "ارتفع ١٥٪ أمس", AR_E_PERCENT, "١٥٪", "15%");
	expect(gz, "ارتفع 12 بالمئة", AR_E_PERCENT, "12 بالمئة", "12%");
	expect(gz, "ارتفع 7.5 في المائة", AR_E_PERCENT, "7.5 في المائة", "7.5%");

	/* tokens */
	expect(gz, "راسلونا info@Example.org الآن", AR_E_EMAIL, "info@Example.org", "info@example.org");
	expect(gz, "الموقع https://omsac.org/ar.", AR_E_URL, "https://omsac.org/ar", "https://omsac.org/ar");
	expect(gz, "وسم #الفساد اليوم", AR_E_HASHTAG, "#الفساد", "الفساد");
	expect(gz, "شكرا @omsac", AR_E_MENTION, "@omsac", "omsac");

	/* overlaps: a date is not also a number; names do not overlap */
	g = run(gz, "يوم 5 مايو 2020");
	CHECK(g->n == 1 && g->type[0] == AR_E_DATE);

	/* empty, blank, invalid UTF-8, NULL gazetteer */
	g = run(gz, "");
	CHECK(g->n == 0);
	g = run(gz, "   \n\t ، ");
	CHECK(g->n == 0);
	s = "\xff\xfe\xd8 \xd9\x85\xd8 12 \xe2\x82";
	g = run(gz, s);
	CHECK(g->n == 1 && g->type[0] == AR_E_NUMBER);
	g = run(NULL, "في 18 نوفمبر 2021");
	CHECK(g->n == 1 && g->type[0] == AR_E_DATE);

	/* the callback aborts */
	{
		got_t		a;

		memset(&a, 0, sizeof(a));
		a.stop_after = 1;
		s = "1 2 3 4";
		CHECK(ar_entities_run(gz, s, strlen(s), collect, &a) == 7);
		CHECK(a.n == 1);
	}

	/* a long input crosses many token windows: every entity found, in order */
	s = "زار محمد بيروت في 5 مايو 2020 مع 40 دولار. ";
	n = 2000;
	big = malloc(strlen(s) * n + 1);
	CHECK(big != NULL);
	if (big)
	{
		got_t	   *gg = calloc(1, sizeof(got_t));

		big[0] = '\0';
		for (i = 0; i < n; i++)
			memcpy(big + i * strlen(s), s, strlen(s) + 1);
		gg->ordered = 1;
		CHECK(ar_entities_run(gz, big, strlen(big), collect, gg) == 0);
		CHECK(gg->n == (int) (4 * n));
		CHECK(gg->ordered);
		free(gg);
		free(big);
	}
	ar_gaz_free(gz);
}

/* Number of entities of type in s. */
static int
count_type(const ar_gaz *gz, const char *s, ar_etype type)
{
	got_t	   *g = run(gz, s);
	int			i,
				c = 0;

	for (i = 0; i < g->n && i < MAXE - 1; i++)
		c += g->type[i] == type;
	return c;
}

/* The rows added in either order give the same gazetteer. */
static const char *
dup_rows_type(int reverse)
{
	ar_gaz	   *g = ar_gaz_new();
	static const char *const rows[][2] = {
		{"زيتونة", "organization"}, {"زيتونة", "location"}, {"زيتونة", "person"},
	};
	static got_t out;
	int			k;
	const char *s = "زار زيتونة أمس";

	for (k = 0; k < 3; k++)
	{
		int			r = reverse ? 2 - k : k;

		CHECK(ar_gaz_add_row(g, rows[r][0], strlen(rows[r][0]),
							 (ar_etype) ar_etype_parse(rows[r][1]), NULL, 0, 1) == 0);
	}
	CHECK(ar_gaz_build(g) == 0);
	memset(&out, 0, sizeof(out));
	CHECK(ar_entities_run(g, s, strlen(s), collect, &out) == 0);
	ar_gaz_free(g);
	return out.n == 1 ? ar_etype_name(out.type[0]) : "none";
}

/* Span rules: clitics, chains, heads, Latin words, ambiguous names (issue 8). */
UNIT_SUITE(entity_rules)
{
	ar_gaz	   *gz = test_gaz();
	ar_gaz	   *u;
	char		longname[1024];
	int			i;

	CHECK(gz != NULL);
	if (gz == NULL)
		return;
	/* a first letter و ف ب ك ل stays when the rest is not a word */
	expect(gz, "وقال السيد باتريك إيبا إن", AR_E_PERSON, "باتريك", "باتريك ايبا");
	expect(gz, "التقى الزعيم كيم جونغ أون", AR_E_PERSON, "كيم", "كيم جونغ اون");
	expect(gz, "قالت السيدة وداد بوشماوي إن", AR_E_PERSON, "وداد", "وداد بوشماوي");
	expect(gz, "قال السيد فيلومون إن", AR_E_PERSON, "فيلومون", "فيلومون");
	expect(gz, "قال السيد بلقاسم إن", AR_E_PERSON, "بلقاسم", "بلقاسم");
	expect(gz, "وصل إلى سيدي بوزيد أمس", AR_E_LOCATION, "سيدي بوزيد", "سيدي بوزيد");
	expect(gz, "وصل إلى وبن قردان", AR_E_LOCATION, "بن قردان", "بن قردان");
	CHECK(count_type(gz, "وصل إلى سيدي بوزيد أمس", AR_E_PERSON) == 0);
	/* and goes when the rest is: a known name, the article, a frequent word */
	expect(gz, "زار بيروت وبمالي", AR_E_LOCATION, "مالي", "مالي");
	expect(gz, "وصل إلى وسيدي بوزيد", AR_E_LOCATION, "سيدي بوزيد", "سيدي بوزيد");

	/* an organization head with its genitive chain, ل-genitive and و inside */
	expect(gz, "قالت المديرية العامة للأمن الوطني إن", AR_E_ORGANIZATION,
		   "المديرية العامة للأمن الوطني", "المديريه العامه للامن الوطني");
	expect(gz, "أصدر مكتب الأمم المتحدة المعني بالمخدرات والجريمة تقريرا", AR_E_ORGANIZATION,
		   "مكتب الأمم المتحدة المعني بالمخدرات والجريمة",
		   "مكتب الامم المتحده المعني بالمخدرات والجريمه");
	/* the chain stops at a verb, punctuation, a preposition */
	expect(gz, "وقالت وزارة الصحة، إن", AR_E_ORGANIZATION, "وزارة الصحة", "وزاره الصحه");
	expect(gz, "قالت وزارة الصحة في تونس", AR_E_ORGANIZATION, "وزارة الصحة", "وزاره الصحه");
	expect(gz, "قالت وزارة الصحة تؤكد", AR_E_ORGANIZATION, "وزارة الصحة", "وزاره الصحه");
	expect(gz, "تعاونت المديرية العامة للأمن الوطني وبالإنتربول", AR_E_ORGANIZATION,
		   "المديرية العامة للأمن الوطني", "المديريه العامه للامن الوطني");
	/* a bare head, a lone adjective, a verb are never entities */
	CHECK(count_type(gz, "قالت حركة إن الوضع", AR_E_ORGANIZATION) == 0);
	CHECK(count_type(gz, "قال حزب، في بيان", AR_E_ORGANIZATION) == 0);
	CHECK(count_type(gz, "وأكد الوطني أن", AR_E_ORGANIZATION) == 0);
	/* Latin words: acronyms and capitalized names only */
	CHECK(count_type(gz, "نشر موقع of page actualités الخبر", AR_E_ORGANIZATION) == 0);
	expect(gz, "تقرير UNHCR الجديد", AR_E_ORGANIZATION, "UNHCR", "unhcr");
	/* a gazetteer entry that is also a common word needs context */
	CHECK(count_type(gz, "قدم دعم مالي كبير", AR_E_LOCATION) == 0);
	expect(gz, "وصل الجنود إلى مالي أمس", AR_E_LOCATION, "مالي", "مالي");

	/* normalized: canonical, else search-folded so variants group */
	expect(gz, "زار أمريكا وفرنسا", AR_E_LOCATION, "أمريكا", "الولايات المتحدة");
	expect(gz, "في إفريقيا", AR_E_LOCATION, "إفريقيا", "أفريقيا");
	expect(gz, "قال السيد مُحمد بنعلي إن", AR_E_PERSON, "مُحمد", "محمد بنعلي");
	expect(gz, "قال السيد محمد بنعلي إن", AR_E_PERSON, "محمد", "محمد بنعلي");

	/* gazetteer names with punctuation; long names; duplicate rows */
	u = ar_gaz_new();
	CHECK(u != NULL);
	CHECK(ar_gaz_add_row(u, "AT&T", 4, AR_E_ORGANIZATION, NULL, 0, 1) == 0);
	CHECK(ar_gaz_add_row(u, "Procter & Gamble", strlen("Procter & Gamble"),
						 AR_E_ORGANIZATION, NULL, 0, 1) == 0);
	CHECK(ar_gaz_add_row(u, "بن-علي", strlen("بن-علي"), AR_E_PERSON, "زين العابدين بن علي",
						 strlen("زين العابدين بن علي"), 1) == 0);
	CHECK(ar_gaz_add_row(u, "الكونغو - برازافيل", strlen("الكونغو - برازافيل"),
						 AR_E_LOCATION, NULL, 0, 0) == 0);
	longname[0] = '\0';
	for (i = 0; i < 14; i++)
		strcat(longname, i ? " كلمة" : "جمعية");
	CHECK(ar_gaz_add_row(u, longname, strlen(longname), AR_E_ORGANIZATION, NULL, 0, 1) == 0);
	for (; i < AR_GAZ_MAX_TOKENS + 1; i++)
		strcat(longname, " كلمة");
	CHECK(ar_gaz_add_row(u, longname, strlen(longname), AR_E_ORGANIZATION, NULL, 0, 1) ==
		  AR_GAZ_TOO_LONG);
	CHECK(ar_gaz_build(u) == 0);
	expect(u, "أعلنت AT&T أمس", AR_E_ORGANIZATION, "AT&T", "AT&T");
	expect(u, "باعت Procter & Gamble الشركة", AR_E_ORGANIZATION, "Procter & Gamble",
		   "Procter & Gamble");
	expect(u, "قال بن-علي إن", AR_E_PERSON, "بن-علي", "زين العابدين بن علي");
	expect(u, "في الكونغو - برازافيل أمس", AR_E_LOCATION, "الكونغو - برازافيل",
		   "الكونغو - برازافيل");
	expect(u, "في الكونغو – برازافيل أمس", AR_E_LOCATION, "الكونغو – برازافيل",
		   "الكونغو - برازافيل");
	{
		got_t	   *gt = run(u, "أعلنت AT T أمس");	/* no & : not the row */

		for (i = 0; i < gt->n && i < MAXE - 1; i++)
			CHECK(strcmp(gt->norm[i], "AT&T") != 0);
	}
	longname[0] = '\0';
	for (i = 0; i < 14; i++)
		strcat(longname, i ? " كلمة" : "جمعية");
	{
		char		text[1200];

		snprintf(text, sizeof(text), "قالت %s إن", longname);
		expect(u, text, AR_E_ORGANIZATION, longname, longname);
	}
	ar_gaz_free(u);
	CHECK_STR(dup_rows_type(0), "person");
	CHECK_STR(dup_rows_type(1), "person");

	/* dates and amounts */
	expect(gz, "في كانون الثاني 2024 وصل", AR_E_DATE, "كانون الثاني 2024", "2024-01");
	expect(gz, "في 15 كانون الثاني 2024 وصل", AR_E_DATE, "15 كانون الثاني 2024", "2024-01-15");
	expect(gz, "في 3 تشرين الأول وصل", AR_E_DATE, "3 تشرين الأول", "--10-03");
	expect(gz, "يوم 24 ديسمبر", AR_E_DATE, "24 ديسمبر", "--12-24");
	CHECK(find("في 31 فبراير 2023", run(gz, "في 31 فبراير 2023"), "31", AR_E_DATE) < 0);
	CHECK(find("في 29 فبراير 2023", run(gz, "في 29 فبراير 2023"), "29", AR_E_DATE) < 0);
	expect(gz, "في 29 فبراير 2024", AR_E_DATE, "29 فبراير 2024", "2024-02-29");
	CHECK(find("في 31/04/2023", run(gz, "في 31/04/2023"), "31", AR_E_DATE) < 0);
	expect(gz, "بلغ 0.5 مليون دولار", AR_E_MONEY, "0.5 مليون دولار", "500000 USD");
	expect(gz, "بلغ 000.5 مليار", AR_E_NUMBER, "000.5 مليار", "500000000");
	expect(gz, "بسعر 0,100 دينار", AR_E_MONEY, "0,100 دينار", "0.100 DINAR");
	expect(gz, "بلغ 1,500 دولار", AR_E_MONEY, "1,500 دولار", "1500 USD");
	expect(gz, "دفع 300 دينار جزائري", AR_E_MONEY, "300 دينار جزائري", "300 DZD");
	CHECK(count_type(gz, "دفع 300 دينار جزائري", AR_E_NATIONALITY) == 0);
	expect(gz, "دفع 5 دنانير تونسية", AR_E_MONEY, "5 دنانير تونسية", "5 TND");
	expect(gz, "دفع 3 الدينار التونسي", AR_E_MONEY, "3 الدينار التونسي", "3 TND");
	expect(gz, "دفع 200 ريال سعودي", AR_E_MONEY, "200 ريال سعودي", "200 SAR");
	expect(gz, "دفع 50 درهما إماراتيا", AR_E_MONEY, "50 درهما إماراتيا", "50 AED");
	expect(gz, "دفع 10 جنيهات مصرية", AR_E_MONEY, "10 جنيهات مصرية", "10 EGP");
	expect(gz, "دفع 7 جنيه إسترليني", AR_E_MONEY, "7 جنيه إسترليني", "7 GBP");
	ar_gaz_free(gz);
}
