/*
 * ar_stem.c
 *	  Light stemming and root extraction for "search"-normalized Arabic words.
 *
 * Light mode strips proclitics (conjunction, preposition, article), pronoun
 * suffixes and number/gender endings, maps frequent broken plurals to their
 * singular, and keeps the nisba ي so that دولي/دوليه/دوليين stay apart from
 * دوله.  Every stripping step is guarded by a minimum stem length and by the
 * word lists of ar_stem_data.c, looked up by bisection.  Root mode continues
 * from the light stem and removes the letters of derivational patterns.
 */
#include <string.h>

#include "ar_stem.h"
#include "ar_utf8.h"

#define L_HAMZA		0x0621
#define L_ALEF		0x0627
#define L_BEH		0x0628
#define L_TEH		0x062A
#define L_SEEN		0x0633
#define L_FEH		0x0641
#define L_KAF		0x0643
#define L_LAM		0x0644
#define L_MEEM		0x0645
#define L_NOON		0x0646
#define L_HEH		0x0647
#define L_WAW		0x0648
#define L_YEH		0x064A

/* Bounded scratch size: a stem plus one appended letter for lookups. */
#define SCRATCH		(AR_STEM_MAX_CP + 2 + AR_STEM_GROWTH)

/*
 * After "search" normalization an Arabic word uses only the basic letters
 * U+0621..U+064A (tatweel excluded); anything else makes the token "not
 * Arabic" and it is left alone.
 */
static int
is_arabic_word(const uint32_t *w, size_t n)
{
	size_t		i;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (w[i] < L_HAMZA || w[i] > L_YEH || w[i] == 0x0640)
			return 0;
	return 1;
}

static int
ends_with(const uint32_t *w, size_t n, uint32_t a, uint32_t b)
{
	return n >= 2 && w[n - 2] == a && w[n - 1] == b;
}

/*
 * Pronoun suffixes.  PADT-style text splits them off, running text does
 * not.  ك alone is left out: too many words end in it (ملك, بنك, ذلك).
 */
static size_t
strip_pronoun(const uint32_t *w, size_t n)
{
	if (n >= 5 && w[n - 1] == L_ALEF && w[n - 2] == L_MEEM &&
		(w[n - 3] == L_HEH || w[n - 3] == L_KAF))
		return n - 3;			/* هما كما */
	if (n >= 5 && (w[n - 2] == L_HEH || w[n - 2] == L_KAF) &&
		(w[n - 1] == L_MEEM || w[n - 1] == L_NOON))
		return n - 2;			/* هم هن كم كن */
	if (n >= 5 && ends_with(w, n, L_HEH, L_ALEF))
		return n - 2;			/* ها */
	if (n >= 5 && ends_with(w, n, L_NOON, L_ALEF))
		return n - 2;			/* نا */
	return n;
}

/*
 * Number, gender and case endings, one of them, longest first.  The nisba
 * ي stays: removing ين from دوليين leaves دولي, as do ات, ون and ه on
 * دوليات, دوليون, دوليه.  The dual ان is only taken after ت (دولتان) or
 * on a verb (verb: an imperfect prefix was removed): bare -ان ends too many
 * singulars (اعلان, بيان, مكان, لبنان).
 */
static size_t
strip_number(const uint32_t *w, size_t n, int verb)
{
	/* تين تان: feminine dual, but not the -ستان of country names */
	if (n >= 5 && w[n - 3] == L_TEH && w[n - 4] != L_SEEN &&
		(ends_with(w, n, L_YEH, L_NOON) || ends_with(w, n, L_ALEF, L_NOON)))
		return n - 3;
	/* ون ين, but not the -اون of تعاون, تهاون */
	if (n >= 5 && w[n - 3] != L_ALEF &&
		(ends_with(w, n, L_WAW, L_NOON) || ends_with(w, n, L_YEH, L_NOON)))
		return n - 2;
	if (n >= 4 && ends_with(w, n, L_ALEF, L_TEH))
		return n - 2;			/* ات */
	if (n >= 4 && ends_with(w, n, L_WAW, L_ALEF))
		return n - 2;			/* وا of the verb */
	if (verb && n >= 4 && ends_with(w, n, L_ALEF, L_NOON))
		return n - 2;			/* dual of an imperfect verb: يعرفان */
	/*
	 * ت of the perfect (قالت, اعلنت).  Nouns in -وت and -يت (بيروت,
	 * تصويت, توقيت) outnumber verbs with those endings, so they keep it.
	 */
	if (n >= 4 && w[n - 1] == L_TEH && w[n - 2] != L_WAW &&
		w[n - 2] != L_YEH)
		return n - 1;
	if (n >= 3 && w[n - 1] == L_HEH)
		return n - 1;			/* ه: teh marbuta or the pronoun */
	if (n >= 4 && w[n - 1] == L_ALEF && w[n - 2] != L_ALEF)
		return n - 1;			/* accusative tanween alif */
	return n;
}

/* Suffix stripping used both for stems and for word-list lookups. */
static size_t
strip_suffixes(const uint32_t *w, size_t n)
{
	return strip_number(w, strip_pronoun(w, n), 0);
}

/*
 * Is w a word whose leading letters belong to it (or a frozen name or a
 * listed plural)?  Tried on the word, its suffix-stripped form, and that
 * form with ه or without a final ي, so that one list entry (وزير, وزاره,
 * الماني) covers its inflections.
 */
static int
is_known(const uint32_t *w, size_t n)
{
	uint32_t	buf[SCRATCH];
	size_t		m;

	if (ar_stem_listed(AR_STEM_LIST_NATIVE, w, n) ||
		ar_stem_listed(AR_STEM_LIST_FROZEN, w, n) ||
		ar_stem_plural(w, n, NULL, 0) > 0)
		return 1;
	m = strip_suffixes(w, n);
	if (m == n || m < 2)
		return 0;
	memcpy(buf, w, m * sizeof(uint32_t));
	if (ar_stem_listed(AR_STEM_LIST_NATIVE, buf, m))
		return 1;
	buf[m] = L_HEH;
	if (ar_stem_listed(AR_STEM_LIST_NATIVE, buf, m + 1))
		return 1;
	buf[m] = L_YEH;
	if (ar_stem_listed(AR_STEM_LIST_NATIVE, buf, m + 1))
		return 1;
	if (buf[m - 1] == L_YEH && m > 2 &&
		ar_stem_listed(AR_STEM_LIST_NATIVE, buf, m - 1))
		return 1;
	return 0;
}

/*
 * Candidate proclitic splits of w, shortest first.  A split is "weak" when
 * its letters are as likely to belong to the word as to be a clitic (a lone
 * preposition: بحث, كبير, لجنه); the stemmer accepts a weak split only when
 * the remainder is a known word.  Future س before an imperfect prefix needs
 * four letters after it, and the native list holds سياسه, سيطره, سنوات.
 * Returns the number of candidates (<= 8).
 */
typedef struct
{
	uint8_t		len;
	uint8_t		weak;
	uint8_t		min_rest;
} split_t;

static int
add_split(split_t *s, int k, size_t len, int weak, int min_rest)
{
	s[k].len = (uint8_t) len;
	s[k].weak = (uint8_t) weak;
	s[k].min_rest = (uint8_t) min_rest;
	return k + 1;
}

static int
splits(const uint32_t *w, size_t n, int with_article, int entity,
	   split_t *s)
{
	int			k = 0;
	size_t		c;

	k = add_split(s, k, 0, 0, 0);
	/* c = 0: no conjunction; c = 1: و or ف */
	for (c = 0; c <= 1; c++)
	{
		size_t		p = c;

		if (c == 1)
		{
			if (n < 2 || (w[0] != L_WAW && w[0] != L_FEH))
				break;
			k = add_split(s, k, 1, 0, entity ? 2 : 3);
		}
		if (n < p + 2)
			continue;
		if (w[p] == L_BEH || w[p] == L_KAF || w[p] == L_LAM)
		{
			if (with_article && w[p] == L_LAM && w[p + 1] == L_LAM)
				k = add_split(s, k, p + 2, 0, 2);	/* لل */
			else if (with_article && n > p + 2 && w[p + 1] == L_ALEF &&
					 w[p + 2] == L_LAM)
				k = add_split(s, k, p + 3, 0, 2);	/* بال كال */
			if (w[p] == L_LAM && !entity)
				k = add_split(s, k, p + 1, 0, 4);	/* ل before 4+ letters */
			else
				k = add_split(s, k, p + 1, !entity, 2);
		}
		else if (with_article && w[p] == L_ALEF && w[p + 1] == L_LAM)
			k = add_split(s, k, p + 2, 0, 2);
		else if (!entity && w[p] == L_SEEN && n >= p + 5 &&
				 (w[p + 1] == L_YEH || w[p + 1] == L_TEH ||
				  w[p + 1] == L_NOON))
			k = add_split(s, k, p + 1, 0, 4);	/* future سي ست سن */
	}
	/* insertion sort by length: at most eight entries */
	for (c = 1; c < (size_t) k; c++)
	{
		split_t		t = s[c];
		size_t		j = c;

		while (j > 0 && s[j - 1].len > t.len)
		{
			s[j] = s[j - 1];
			j--;
		}
		s[j] = t;
	}
	return k;
}

/*
 * Choose the proclitic split: the shortest one whose remainder is a known
 * word wins (so وزير keeps its و and والوزير loses only وال); otherwise the
 * longest strong split that leaves enough letters.
 */
static size_t
prefix_len(const uint32_t *w, size_t n, int with_article, int entity)
{
	split_t		s[8];
	int			k = splits(w, n, with_article, entity, s);
	int			i;
	size_t		best = 0;

	if (k == 1)
		return 0;
	for (i = 0; i < k; i++)
	{
		size_t		rest = n - s[i].len;

		if (rest < 2 || rest < s[i].min_rest)
			continue;
		if (is_known(w + s[i].len, rest))
			return s[i].len;
		if (!s[i].weak)
			best = s[i].len;
	}
	return best;
}

size_t
ar_clitic_prefix_len(const uint32_t *word, size_t n, int with_article)
{
	if (word == NULL || n < 3 || n > AR_STEM_MAX_CP ||
		!is_arabic_word(word, n))
		return 0;
	return prefix_len(word, n, with_article, 1);
}

/*
 * Suffix part of the light stem of w (already without proclitics), into
 * out; returns its length.  A listed broken plural is replaced by its
 * singular, which then goes through the same suffix rules as the singular
 * itself would, so both end on the same stem.
 */
static size_t
light_suffix(const uint32_t *w, size_t n, uint32_t *out, int verb)
{
	uint32_t	sing[SCRATCH];
	size_t		m;
	size_t		k;

	if (ar_stem_listed(AR_STEM_LIST_FROZEN, w, n))
	{
		memcpy(out, w, n * sizeof(uint32_t));
		return n;
	}
	m = ar_stem_plural(w, n, sing, SCRATCH);
	if (m == 0)
	{
		k = strip_pronoun(w, n);
		if (k < n)
			m = ar_stem_plural(w, k, sing, SCRATCH);
		if (m == 0)
		{
			k = strip_number(w, k, verb);
			memcpy(out, w, k * sizeof(uint32_t));
			return k;
		}
	}
	k = ar_stem_listed(AR_STEM_LIST_FROZEN, sing, m) ? m :
		strip_suffixes(sing, m);
	memcpy(out, sing, k * sizeof(uint32_t));
	return k;
}

static size_t
light(const uint32_t *w, size_t n, uint32_t *out)
{
	size_t		p,
				k;
	int			verb = 0;

	if (ar_stem_listed(AR_STEM_LIST_FROZEN, w, n))
	{
		memcpy(out, w, n * sizeof(uint32_t));
		return n;
	}
	p = prefix_len(w, n, 1, 0);
	/*
	 * Imperfect prefix ي: few nouns begin with it (the native list has
	 * them), while يطلب, يكشف, يعرفون are everywhere and would otherwise
	 * never meet their perfect طلب, كشف, عرف.  ت and ن are left alone:
	 * they begin too many nouns (تقرير, توقع, نظام).
	 */
	if (n - p >= 4 && w[p] == L_YEH && !is_known(w + p, n - p))
	{
		p++;
		verb = 1;
	}
	k = light_suffix(w + p, n - p, out, verb);

	/*
	 * A lone ف whose removal ends in a stem of two letters was more likely
	 * part of the word (فرقه: فرق, not رق; فتره, فكره).  Not so for و: وستة
	 * is "and six" far more often than a word of its own.
	 */
	if (k < 3 && p == 1 && w[0] == L_FEH && n >= 4)
		k = light_suffix(w, n, out, 0);
	return k;
}

static int
is_one_of(uint32_t c, const char *set)
{
	/* set is a string of letter offsets from U+0620, one byte each */
	for (; *set; set++)
		if (c == 0x0620 + (uint32_t) (unsigned char) *set)
			return 1;
	return 0;
}

/* U+0620 offsets: ا=7 ت=0x0A م=0x25 ن=0x26 ه=0x27 و=0x28 ي=0x2A */
static const char weak_vowels[] = {0x07, 0x28, 0x2A, 0};
static const char root_prefixes[] = {0x07, 0x0A, 0x25, 0x26, 0x2A, 0};
static const char root_suffixes[] = {0x07, 0x0A, 0x26, 0x27, 0x2A, 0};

static void
drop_at(uint32_t *s, size_t *n, size_t i)
{
	memmove(s + i, s + i + 1, (*n - i - 1) * sizeof(uint32_t));
	(*n)--;
}

/*
 * Reduce a light stem to a three-letter root (four when nothing looks like
 * a pattern letter) by removing the added letters of the frequent
 * patterns: استفعل مستفعل افتعل مفتعل انفعل تفاعل مفعول فاعل فعال فعيل
 * فعول ...  Crude on weak and doubled roots, which is the price of having
 * no root dictionary; root mode is meant for recall.
 */
static size_t
root_reduce(uint32_t *s, size_t n)
{
	int			guard;

	/* nisba and feminine endings left by light mode */
	if (n > 3 && s[n - 1] == L_YEH)
		n--;
	for (guard = 0; n > 3 && guard < 8; guard++)
	{
		if (n >= 6 && (s[0] == L_ALEF || s[0] == L_MEEM) &&
			s[1] == L_SEEN && s[2] == L_TEH)
		{
			memmove(s, s + 3, (n - 3) * sizeof(uint32_t));
			n -= 3;				/* استفعل مستفعل */
		}
		else if (n == 5 && s[0] == L_MEEM && s[3] == L_WAW)
		{
			drop_at(s, &n, 3);	/* مفعول, before مفتعل claims مكتوب */
			drop_at(s, &n, 0);
		}
		else if (n >= 5 && (s[0] == L_ALEF || s[0] == L_MEEM) &&
				 s[2] == L_TEH)
		{
			drop_at(s, &n, 2);	/* افتعل مفتعل */
			drop_at(s, &n, 0);
		}
		else if (n >= 5 && ((s[0] == L_MEEM && s[1] == L_TEH) ||
							(s[0] == L_ALEF && s[1] == L_NOON)))
		{
			memmove(s, s + 2, (n - 2) * sizeof(uint32_t));
			n -= 2;				/* متفعل انفعل */
		}
		else if (n >= 4 && is_one_of(s[0], root_prefixes))
			drop_at(s, &n, 0);	/* مفعول افعال تفعيل يفعل نفعل */
		else if (n >= 4 && s[1] == L_ALEF)
			drop_at(s, &n, 1);	/* فاعل, first: عاون is not عان */
		else if (n >= 4 && is_one_of(s[n - 2], weak_vowels))
			drop_at(s, &n, n - 2);	/* فعال فعيل فعول */
		else if (n >= 4 && is_one_of(s[1], weak_vowels))
			drop_at(s, &n, 1);	/* فاعل فوعل فيعل */
		else if (n >= 4 && is_one_of(s[n - 1], root_suffixes))
			n--;				/* leftover endings */
		else
			break;				/* a quadriliteral root */
	}
	return n;
}

size_t
ar_stem_cp(const uint32_t *word, size_t n, uint32_t *out, ar_stem_mode mode)
{
	uint32_t	buf[SCRATCH];
	size_t		m;

	if (n == 0)
		return 0;
	if (mode == AR_STEM_NONE || n > AR_STEM_MAX_CP ||
		!is_arabic_word(word, n))
	{
		memmove(out, word, n * sizeof(uint32_t));
		return n;
	}
	m = light(word, n, buf);
	if (mode == AR_STEM_ROOT && !ar_stem_listed(AR_STEM_LIST_FROZEN, buf, m))
		m = root_reduce(buf, m);
	if (m == 0)
	{
		/* the guards should prevent it; never return an empty stem */
		memmove(out, word, n * sizeof(uint32_t));
		return n;
	}
	memcpy(out, buf, m * sizeof(uint32_t));
	return m;
}

size_t
ar_stem_utf8(const char *in, size_t len, char *out, ar_stem_mode mode)
{
	uint32_t	cp[AR_STEM_MAX_CP + 1];
	uint32_t	st[AR_STEM_MAX_CP + 1 + AR_STEM_GROWTH];
	size_t		n = 0;
	size_t		i = 0;
	size_t		m;
	size_t		o = 0;

	if (len > AR_STEM_MAX_BYTES || mode == AR_STEM_NONE)
		goto copy;
	while (i < len)
	{
		int			nb;

		if (n == AR_STEM_MAX_CP + 1)
			goto copy;
		cp[n] = ar_utf8_decode((const unsigned char *) in + i, len - i, &nb);
		/* an invalid byte must come back as itself, not as U+FFFD */
		if (cp[n] == AR_UTF8_BAD)
			goto copy;
		n++;
		i += nb;
	}
	if (n > AR_STEM_MAX_CP || !is_arabic_word(cp, n))
		goto copy;
	m = ar_stem_cp(cp, n, st, mode);
	/* Arabic letters are two bytes each: at most len + 2 * AR_STEM_GROWTH */
	for (i = 0; i < m; i++)
		o += ar_utf8_encode(st[i], (unsigned char *) out + o);
	return o;

copy:
	memmove(out, in, len);
	return len;
}
