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
#define L_DAL		0x062F
#define L_ZAIN		0x0632
#define L_SEEN		0x0633
#define L_SAD		0x0635
#define L_DAD		0x0636
#define L_TAH		0x0637
#define L_ZAH		0x0638
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

/* List probes through the inline prefilter (ar_stem.h) */
static inline int
is_frozen(const uint32_t *w, size_t n)
{
	return (ar_stem_lookup(w, n) & AR_STEM_K_FROZEN) != 0;
}

static inline size_t
plural_of(const uint32_t *w, size_t n, uint32_t *sing)
{
	return (ar_stem_lookup(w, n) & AR_STEM_K_PLURAL) ?
		ar_stem_plural(w, n, sing, SCRATCH) : 0;
}

static inline int
is_long_vowel(uint32_t c)
{
	return c == L_ALEF || c == L_WAW || c == L_YEH;
}

/*
 * Pronoun suffixes.  PADT-style text splits them off, running text does
 * not.  ك alone is left out: too many words end in it (ملك, بنك, ذلك).
 */
static size_t
strip_pronoun(const uint32_t *w, size_t n)
{
	if (n >= 6 && w[n - 1] == L_ALEF && w[n - 2] == L_MEEM &&
		(w[n - 3] == L_HEH || w[n - 3] == L_KAF))
		return n - 3;			/* هما كما, not the -هما of متهما */
	/*
	 * هم هن كم; not كن, a rare pronoun but the end of frequent words
	 * (اماكن, مساكن, ساكن)
	 */
	if (n >= 5 && ((w[n - 2] == L_HEH &&
					(w[n - 1] == L_MEEM || w[n - 1] == L_NOON)) ||
				   (w[n - 2] == L_KAF && w[n - 1] == L_MEEM)))
		return n - 2;
	if (n >= 5 && ends_with(w, n, L_HEH, L_ALEF))
		return n - 2;			/* ها */
	if (n >= 5 && ends_with(w, n, L_NOON, L_ALEF))
		return n - 2;			/* نا */
	return n;
}

/* What strip_number may assume about the word it is given. */
#define SN_VERB		0x01		/* an imperfect prefix was removed */
#define SN_PRONOUN	0x02		/* a pronoun suffix was removed */
#define SN_DEFINITE 0x04		/* an article or a preposition was removed */
#define SN_NOT_PLURAL 0x08		/* (light_suffix) the word is no broken plural */

/*
 * Number, gender and case endings, one of them, longest first.  The nisba
 * ي stays: removing ين from دوليين leaves دولي, as do ات, ون and ه on
 * دوليات, دوليون, دوليه.  The dual ان is only taken after ت (دولتان) or
 * on a verb (SN_VERB): bare -ان ends too many singulars (اعلان, بيان,
 * مكان, لبنان).
 */
static size_t
strip_number(const uint32_t *w, size_t n, int flags)
{
	/*
	 * ة written ت before the pronoun ي, or the construct dual -تي
	 * (منطقتي, وزارتي).  Not after a long vowel: ذاتي, نباتي, كويتي.
	 */
	if (n >= 5 && ends_with(w, n, L_TEH, L_YEH) && !is_long_vowel(w[n - 3]))
		return n - 2;
	/* construct plural of a nisba: فلسطينيي, مسيحيي */
	if (n >= 5 && ends_with(w, n, L_YEH, L_YEH))
		return n - 1;
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
	if ((flags & SN_VERB) && n >= 4 && ends_with(w, n, L_ALEF, L_NOON))
		return n - 2;			/* dual of an imperfect verb: يعرفان */
	/*
	 * ت of the perfect (قالت, اعلنت).  Nouns in -وت and -يت (بيروت,
	 * تصويت, توقيت) outnumber verbs with those endings, so they keep it;
	 * but before a pronoun a ت after ي is the ة of -ية (قريتها, شخصيتهم).
	 */
	if (n >= 4 && w[n - 1] == L_TEH && w[n - 2] != L_WAW &&
		(w[n - 2] != L_YEH || (flags & SN_PRONOUN)))
		return n - 1;
	if (n >= 3 && w[n - 1] == L_HEH)
	{
		/*
		 * ه: teh marbuta or the pronoun.  After ت it is the pronoun, and the
		 * ت is a ة or the perfect's ت (محاضرته, حكومته, قريته, كتبته), or
		 * ends the plural ات (سياراته).  Not after -وت (صوته, ثبوته).
		 */
		if (n >= 5 && w[n - 2] == L_TEH && w[n - 3] != L_WAW)
		{
			if (w[n - 3] == L_ALEF && n >= 6)
				return n - 3;
			return n - 2;
		}
		return n - 1;
	}
	/*
	 * Accusative tanween alif (كثيرا, رسميا).  Never after an article or a
	 * preposition, which rule out the indefinite accusative: the ا of
	 * بموريتانيا, الدنيا, العليا belongs to the word.
	 */
	if (n >= 4 && w[n - 1] == L_ALEF && w[n - 2] != L_ALEF &&
		!(flags & SN_DEFINITE))
		return n - 1;
	return n;
}

/*
 * Construct plurals lose the ن of -ون: موظفو الشركه, معلموها, ممثلوهم.  After
 * a pronoun (k < n) a final و is that ending when at least three letters
 * remain (four after نا, which also ends accusatives like جنونا, قانونا);
 * the short nouns عدو, نمو, عضو keep it.
 */
static size_t
strip_construct_waw(const uint32_t *w, size_t k, size_t n)
{
	size_t		min = (n - k == 2 && w[k] == L_NOON) ? 4 : 3;

	if (k < n && k > min && w[k - 1] == L_WAW)
		return k - 1;
	return k;
}

/* Suffix stripping used both for stems and for word-list lookups. */
static size_t
strip_suffixes(const uint32_t *w, size_t n)
{
	size_t		k = strip_pronoun(w, n);
	size_t		c = strip_construct_waw(w, k, n);

	if (c < k)
		return c;
	return strip_number(w, k, k < n ? SN_PRONOUN : 0);
}

/*
 * Is w a word whose leading letters belong to it (or a frozen name or a
 * listed plural)?  Tried on the word, its suffix-stripped form, and that
 * form with ه or without a final ي, so that one list entry (وزير, وزاره,
 * الماني) covers its inflections.  Returns KNOWN_EXACT when the word itself
 * is listed, KNOWN_STRIPPED when only a suffix-stripped form is, else 0.
 */
#define KNOWN_STRIPPED	1
#define KNOWN_EXACT		2

static int
is_known(const uint32_t *w, size_t n)
{
	unsigned	f = ar_stem_lookup(w, n);
	size_t		m;

	if (f & (AR_STEM_K_NATIVE | AR_STEM_K_FROZEN | AR_STEM_K_PLURAL))
		return KNOWN_EXACT;
	m = strip_suffixes(w, n);
	if (m == n)
	{
		/* a construct or possessive ي: وزيري, فلسطينيي */
		return n > 3 && (f & AR_STEM_K_NATIVE_YEH) ? KNOWN_STRIPPED : 0;
	}
	if (m < 2)
		return 0;
	/* the stem, or the stem + ه, + ي, or without its final ي, is native */
	return (ar_stem_lookup(w, m) &
			(AR_STEM_K_NATIVE | AR_STEM_K_STEM_HEH | AR_STEM_K_STEM_YEH |
			 AR_STEM_K_NATIVE_YEH)) ? KNOWN_STRIPPED : 0;
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
	uint8_t		definite;		/* holds an article or a preposition */
} split_t;

static int
add_split(split_t *s, int k, size_t len, int weak, int min_rest)
{
	s[k].len = (uint8_t) len;
	s[k].weak = (uint8_t) weak;
	s[k].min_rest = (uint8_t) min_rest;
	s[k].definite = 0;
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
			int			k0 = k;

			if (with_article && w[p] == L_LAM && w[p + 1] == L_LAM)
				k = add_split(s, k, p + 2, 0, 2);	/* لل */
			else if (with_article && n > p + 2 && w[p + 1] == L_ALEF &&
					 w[p + 2] == L_LAM)
				k = add_split(s, k, p + 3, 0, 2);	/* بال كال */
			for (; k0 < k; k0++)
				s[k0].definite = 1;
			/*
			 * A lone ب or ك governs the genitive, but a lone ل before an
			 * ا is too often the word's own (لاحقا, لافتا): not definite.
			 */
			if (w[p] == L_LAM && !entity)
				k = add_split(s, k, p + 1, 0, 4);	/* ل before 4+ letters */
			else
			{
				k = add_split(s, k, p + 1, !entity, 2);
				s[k - 1].definite = w[p] != L_LAM;
			}
		}
		else if (with_article && w[p] == L_ALEF && w[p + 1] == L_LAM)
		{
			k = add_split(s, k, p + 2, 0, 2);
			s[k - 1].definite = 1;
		}
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
 * Choose the proclitic split: the shortest one whose remainder is a listed
 * word wins (so وزير keeps its و and والوزير loses only وال), then the
 * shortest whose remainder is listed once its suffixes are stripped (an
 * exact entry is the stronger evidence: الامين is ال + امين, not the
 * plural الام + ين); otherwise the longest strong split that leaves enough
 * letters.
 */
static size_t
prefix_len(const uint32_t *w, size_t n, int with_article, int entity,
		   int *definite)
{
	split_t		s[8];
	int			k = splits(w, n, with_article, entity, s);
	int			i;
	int			best = 0,
				stripped = -1;

	*definite = 0;
	if (k == 1)
		return 0;
	for (i = 0; i < k; i++)
	{
		size_t		rest = n - s[i].len;
		int			known;

		if (rest < 2 || rest < s[i].min_rest)
			continue;
		known = is_known(w + s[i].len, rest);
		if (known == KNOWN_EXACT)
		{
			stripped = i;
			break;
		}
		if (known == KNOWN_STRIPPED && stripped < 0)
			stripped = i;
		if (!s[i].weak)
			best = i;
	}
	if (stripped >= 0)
		best = stripped;
	*definite = s[best].definite;
	return s[best].len;
}

size_t
ar_clitic_prefix_len(const uint32_t *word, size_t n, int with_article)
{
	int			definite;

	if (word == NULL || n < 3 || n > AR_STEM_MAX_CP ||
		!is_arabic_word(word, n))
		return 0;
	return prefix_len(word, n, with_article, 1, &definite);
}

/*
 * Without a pronoun, a construct plural in -و is only recognized on a
 * participle: م, then no long vowel (foreign names like ماركو, ميلانو,
 * ماتيو have one there), at least five letters, and no article (a
 * construct noun never takes one).
 */
static int
is_construct_participle(const uint32_t *w, size_t n)
{
	return n >= 5 && w[0] == L_MEEM && w[n - 1] == L_WAW &&
		w[1] != L_ALEF && w[1] != L_YEH;
}

/*
 * Suffix part of the light stem of w (already without proclitics), into
 * out; returns its length.  A listed broken plural is replaced by its
 * singular, which then goes through the same suffix rules as the singular
 * itself would, so both end on the same stem.  flags: SN_VERB, SN_DEFINITE.
 */
static size_t
light_suffix(const uint32_t *w, size_t n, uint32_t *out, int flags)
{
	uint32_t	sing[SCRATCH];
	size_t		m;
	size_t		k;

	/* a frozen word, also with the accusative alif (قانونا, مليونا) */
	unsigned	f = ar_stem_lookup(w, n);

	if ((f & AR_STEM_K_FROZEN) ||
		(n > 3 && w[n - 1] == L_ALEF && is_frozen(w, n - 1)))
	{
		k = (f & AR_STEM_K_FROZEN) ? n : n - 1;
		memcpy(out, w, k * sizeof(uint32_t));
		return k;
	}
	m = (flags & SN_NOT_PLURAL) || !(f & AR_STEM_K_PLURAL) ? 0 :
		ar_stem_plural(w, n, sing, SCRATCH);
	if (m == 0)
	{
		k = strip_pronoun(w, n);
		if (flags & SN_NOT_PLURAL)
			m = 0;
		else if (k < n)
			m = plural_of(w, k, sing);
		else if (n > 3 && w[n - 1] == L_ALEF && !(flags & SN_DEFINITE))
			m = plural_of(w, n - 1, sing);	/* اشخاصا */
		if (m == 0)
		{
			size_t		c = strip_construct_waw(w, k, n);

			if (c < k)
				k = c;
			else if (k == n && !(flags & SN_DEFINITE) &&
					 is_construct_participle(w, n))
				k = n - 1;
			else
				k = strip_number(w, k, flags | (k < n ? SN_PRONOUN : 0));
			memcpy(out, w, k * sizeof(uint32_t));
			return k;
		}
	}
	k = is_frozen(sing, m) ? m :
		strip_suffixes(sing, m);
	memcpy(out, sing, k * sizeof(uint32_t));
	return k;
}

/*
 * Derived verbs: the imperfect of forms VII, VIII and X (ينسحب, يعتبر,
 * يستخدم) is its perfect (انسحب, اعتبر, استخدم) with the imperfect prefix in
 * place of the initial ا.  s is a suffix-stripped stem after that prefix;
 * is it shaped like one of those stems?  A long vowel in third place marks
 * a noun pattern instead (تكتيك, تنظيم).
 */
static int
is_derived_imperfect(const uint32_t *s, size_t n)
{
	if (n == 4 || n == 5)
	{
		if (s[0] == L_SEEN && s[1] == L_TEH)
			return 1;			/* X: يستخدم, يستمر, يستدعي */
	}
	if (n != 4 || is_long_vowel(s[0]) || s[2] == L_WAW || s[2] == L_YEH)
		return 0;
	if (s[0] == L_NOON && !is_long_vowel(s[1]))
		return 1;				/* VII: ينسحب, ينعقد */
	if (s[1] == L_TEH && s[0] != L_TEH)
		return 1;				/* VIII: يعتبر, يختار, يشتري */
	/* VIII with the assimilated infix: يصطدم, يضطلع, يزدهر */
	if (s[1] == L_TAH && (s[0] == L_SAD || s[0] == L_DAD ||
						  s[0] == L_TAH || s[0] == L_ZAH))
		return 1;
	return s[1] == L_DAL && s[0] == L_ZAIN;
}

/*
 * Light stem of w; hints from ar_stem_hints.  An ال written with a hamza
 * (أل, إل) is no article (ألقاب, إلزام, ألزم); a word after its clitics
 * beginning with إ is no broken plural أفعال (إعداد, إقدام: masdars).
 */
static size_t
light(const uint32_t *w, size_t n, uint32_t *out, unsigned hints)
{
	size_t		p,
				k;
	int			flags = 0,
				definite = 0;
	uint32_t	as_yeh[AR_STEM_MAX_CP];

	if (is_frozen(w, n))
	{
		memcpy(out, w, n * sizeof(uint32_t));
		return n;
	}
	p = prefix_len(w, n, (hints & AR_STEM_HINT_HAMZA_AL) ? 0 : 1, 0,
				   &definite);
	if (definite)
		flags |= SN_DEFINITE;
	if ((hints & AR_STEM_HINT_HAMZA_BELOW) && AR_STEM_HINT_POS(hints) == p)
		flags |= SN_NOT_PLURAL;
	/*
	 * يؤكد, تؤدي, نؤمن: the ؤ after an imperfect prefix is the perfect's
	 * initial أ (اكد, ادي, امن).
	 */
	if ((hints & AR_STEM_HINT_WAW_HAMZA) && AR_STEM_HINT_POS(hints) == p + 1 &&
		n - p >= 4 && (w[p] == L_YEH || w[p] == L_TEH || w[p] == L_NOON))
	{
		k = light_suffix(w + p + 1, n - p - 1, out, flags | SN_VERB);
		if (k >= 3 && out[0] == L_WAW)
		{
			out[0] = L_ALEF;
			return k;
		}
	}
	/*
	 * Imperfect prefix ي: few nouns begin with it (the native list has
	 * them), while يطلب, يكشف, يعرفون are everywhere and would otherwise
	 * never meet their perfect طلب, كشف, عرف.  ت and ن are left alone:
	 * they begin too many nouns (تقرير, توقع, نظام); only derived verbs
	 * (below) lose them.
	 */
	/*
	 * ت and ن of an imperfect: the corpus (ar_stem_is_imperfect_tn) says
	 * which words are verbs (تبحث, نعتقد, تكون); they are stemmed as their
	 * ي form below.  Only attested forms: a pronoun-suffixed form the
	 * corpus lacks keeps its ت (looking up its stripped stem instead cost
	 * precision: تقدمها is mostly the noun).  The ؤ case above keeps its own rule.
	 */
	if (n - p >= 4 && n <= AR_STEM_MAX_CP && !(flags & SN_DEFINITE) &&
		(w[p] == L_TEH || w[p] == L_NOON) && !is_known(w + p, n - p) &&
		ar_stem_is_imperfect_tn(w + p, n - p))
	{
		memcpy(as_yeh, w, n * sizeof(uint32_t));
		as_yeh[p] = L_YEH;
		w = as_yeh;
	}
	if (n - p >= 4 && w[p] == L_YEH && !is_known(w + p, n - p))
	{
		k = light_suffix(w + p + 1, n - p - 1, out + 1, flags | SN_VERB);
		if (is_derived_imperfect(out + 1, k))
		{
			out[0] = L_ALEF;
			return k + 1;
		}
		/*
		 * Hollow verbs: يقول, يعود, يزور are form I (قال, عاد, زار); a
		 * medial ي is mostly form IV (يشير, يضيف, يقيم: اشار, اضاف, اقام).
		 */
		if (k == 3 && out[2] == L_WAW && out[1] != L_TEH)
		{
			out[2] = L_ALEF;
			memmove(out, out + 1, k * sizeof(uint32_t));
			return k;
		}
		if (k == 3 && out[2] == L_YEH && !is_long_vowel(out[1]))
		{
			out[0] = L_ALEF;
			out[2] = L_ALEF;
			return k + 1;
		}
		/* defective verbs in و: يدعو, يبدو are دعا, بدا */
		if (k == 3 && out[3] == L_WAW && !is_long_vowel(out[1]) &&
			!is_long_vowel(out[2]))
		{
			out[3] = L_ALEF;
			memmove(out, out + 1, k * sizeof(uint32_t));
			return k;
		}
		/*
		 * Form IV: يعلن, تعلن are أعلن's (the corpus tells these stems
		 * from form I ones like كتب); the perfect's أ is written back.
		 */
		if (k == 3 && ar_stem_is_form_iv(out + 1, k))
		{
			out[0] = L_ALEF;
			return k + 1;
		}
		memmove(out, out + 1, k * sizeof(uint32_t));
		return k;
	}
	/*
	 * Forms V and VI: the imperfect تتحدث, تتجاوز is تـ + the perfect
	 * تحدث, تجاوز (which يتحدث also reaches).  A long vowel in fourth place
	 * marks the noun pattern تفعيل instead (تتويج).
	 */
	if (n - p >= 5 && w[p] == L_TEH && w[p + 1] == L_TEH &&
		w[p + 3] != L_WAW && w[p + 3] != L_YEH)
		p++;
	k = light_suffix(w + p, n - p, out, flags);
	if (k >= 5 && (out[0] == L_TEH || out[0] == L_NOON) &&
		is_derived_imperfect(out + 1, k - 1))
		out[0] = L_ALEF;		/* تستخدم, نعتبر, تنسحب */
	/*
	 * تشير, تفيد, تقيم: as after ي, a hollow imperfect with medial ي (few
	 * nouns have the shape تفيل; those in تفول, like تطور, تحول, are many).
	 */
	else if (k == 4 && out[0] == L_TEH && out[2] == L_YEH &&
			 !is_long_vowel(out[1]) && !is_long_vowel(out[3]) &&
			 !(flags & SN_DEFINITE))
	{
		out[0] = L_ALEF;
		out[2] = L_ALEF;
	}
	/* assimilated verbs: يصل, تقع are وصل's, وقع's (by the corpus) */
	else if (k == 3 && !(flags & SN_DEFINITE) &&
			 (out[0] == L_YEH || out[0] == L_TEH || out[0] == L_NOON) &&
			 ar_stem_is_assimilated(out, k))
		out[0] = L_WAW;

	/*
	 * A lone ف whose removal ends in a stem of two letters was more likely
	 * part of the word (فرقه: فرق, not رق; فتره, فكره).  Not so for و: وستة
	 * is "and six" far more often than a word of its own.
	 */
	if (k < 3 && p == 1 && w[0] == L_FEH && n >= 4)
		k = light_suffix(w, n, out, 0);
	/* likewise a future س that leaves two letters (سندات is not سـ + ندات) */
	else if (k < 3 && p > 0 && w[p - 1] == L_SEEN)
		k = light_suffix(w + p - 1, n - p + 1, out, flags);
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

/*
 * U+0620 offsets: ا=7 ت=0x0A م=0x25 ن=0x26 ه=0x27 و=0x28 ي=0x2A.  ن is no
 * prefix on its own: it begins far more nouns (نجاح, نظام, نتيجه) than
 * first-person imperfects; انفعل and منفعل are handled as patterns.
 */
static const char weak_vowels[] = {0x07, 0x28, 0x2A, 0};
static const char root_prefixes[] = {0x07, 0x0A, 0x25, 0x2A, 0};
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
							(s[0] == L_ALEF && s[1] == L_NOON) ||
							(s[0] == L_MEEM && s[1] == L_NOON &&
							 !is_one_of(s[2], weak_vowels))))
		{
			memmove(s, s + 2, (n - 2) * sizeof(uint32_t));
			n -= 2;				/* متفعل انفعل منفعل */
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

unsigned
ar_stem_hints(const char *raw, size_t len)
{
	const unsigned char *s = (const unsigned char *) raw;
	uint32_t	L[5];			/* the first letters, hamza marks composed */
	size_t		i = 0;
	unsigned	k = 0,
				j;

	/*
	 * Every hint needs one of آ ؤ أ إ (D8 A2..A5) or a combining madda or
	 * hamza (D9 93..95); most words have none: one pass over the bytes.
	 */
	for (i = 0; i + 1 < len; i++)
		if ((s[i] == 0xD8 && s[i + 1] >= 0xA2 && s[i + 1] <= 0xA5) ||
			(s[i] == 0xD9 && s[i + 1] >= 0x93 && s[i + 1] <= 0x95))
			break;
	if (i + 1 >= len)
		return 0;
	i = 0;

	while (i < len && k < 5)
	{
		int			nb;
		uint32_t	c = ar_utf8_decode(s + i, len - i, &nb);

		i += nb;
		if (c == 0x0640 || (c >= 0x064B && c <= 0x0652) || c == 0x0670)
			continue;			/* tatweel, harakat */
		if (c >= 0x0653 && c <= 0x0655)
		{
			/* ا + madda or hamza is آ أ إ; و + hamza is ؤ */
			if (k > 0 && L[k - 1] == L_ALEF)
				L[k - 1] = c == 0x0653 ? 0x0622 : c == 0x0654 ? 0x0623 : 0x0625;
			else if (k > 0 && L[k - 1] == L_WAW && c == 0x0654)
				L[k - 1] = 0x0624;
			continue;
		}
		L[k++] = c;
	}

	/* [و ف] [ب ك ل] then أ إ آ */
	for (j = 0; j < k && j < 3; j++)
	{
		uint32_t	c = L[j];

		if (c == 0x0622 || c == 0x0623 || c == 0x0625)
			return (c == 0x0625 ? AR_STEM_HINT_HAMZA_BELOW :
					AR_STEM_HINT_HAMZA_ABOVE) |
				(j << AR_STEM_HINT_POS_SHIFT) |
				(j + 1 < k && L[j + 1] == L_LAM ? AR_STEM_HINT_HAMZA_AL : 0);
		if (!((j == 0 && (c == L_WAW || c == L_FEH)) ||
			  (c == L_BEH || c == L_KAF || c == L_LAM)))
			break;
	}
	/* [و ف] [س] ي|ت|ن then ؤ: an imperfect of a root with initial hamza */
	for (j = 1; j < k && j < 4; j++)
		if (L[j] == 0x0624 &&
			(L[j - 1] == L_YEH || L[j - 1] == L_TEH || L[j - 1] == L_NOON))
			return AR_STEM_HINT_WAW_HAMZA | (j << AR_STEM_HINT_POS_SHIFT);
	return 0;
}

size_t
ar_stem_cp_hinted(const uint32_t *word, size_t n, uint32_t *out,
				  ar_stem_mode mode, unsigned hints)
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
	m = light(word, n, buf, hints);
	if (mode == AR_STEM_ROOT && !is_frozen(buf, m))
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
ar_stem_cp(const uint32_t *word, size_t n, uint32_t *out, ar_stem_mode mode)
{
	return ar_stem_cp_hinted(word, n, out, mode, 0);
}

/*
 * Words repeat: a few thousand make most of any text.  A direct-mapped
 * cache of recent stems (per process, as the stemmer is a pure function:
 * the key is the word's bytes, the mode and the hints) answers most words
 * in one probe.  Not thread-safe; PostgreSQL backends are single-threaded.
 */
#define CACHE_SLOTS		4096	/* power of two */
#define CACHE_BYTES		24		/* longer words are not cached */

typedef struct
{
	uint8_t		len;			/* 0: empty */
	uint8_t		key;			/* mode and hints */
	uint8_t		stem_len;
	char		word[CACHE_BYTES];
	char		stem[CACHE_BYTES + 2 * AR_STEM_GROWTH];
} stem_cache_slot;

static stem_cache_slot stem_cache[CACHE_SLOTS];

static size_t
stem_utf8_uncached(const char *in, size_t len, char *out, ar_stem_mode mode,
				   unsigned hints)
{
	const unsigned char *s = (const unsigned char *) in;
	unsigned char *o = (unsigned char *) out;
	uint32_t	cp[AR_STEM_MAX_CP + 1];
	uint32_t	st[AR_STEM_MAX_CP + 1 + AR_STEM_GROWTH];
	size_t		n = 0;
	size_t		i;
	size_t		m;

	/*
	 * Only words of the letters U+0621..U+064A (no tatweel) are stemmed:
	 * two bytes each, D8 A1..D8 BA or D9 81..D9 8A, decoded here directly.
	 * Anything else (another character, an invalid byte) is copied.
	 */
	if (len % 2 != 0 || len / 2 > AR_STEM_MAX_CP)
		goto copy;
	for (i = 0; i < len; i += 2)
	{
		uint32_t	c;

		if ((s[i] & 0xFE) != 0xD8 || (s[i + 1] & 0xC0) != 0x80)
			goto copy;
		c = ((uint32_t) (s[i] & 0x1F) << 6) | (s[i + 1] & 0x3F);
		if (c < L_HAMZA || c > L_YEH || c == 0x0640)
			goto copy;
		cp[n++] = c;
	}
	m = ar_stem_cp_hinted(cp, n, st, mode, hints);
	/* Arabic letters are two bytes each: at most len + 2 * AR_STEM_GROWTH */
	for (i = 0; i < m; i++)
	{
		o[2 * i] = (unsigned char) (0xC0 | (st[i] >> 6));
		o[2 * i + 1] = (unsigned char) (0x80 | (st[i] & 0x3F));
	}
	return 2 * m;

copy:
	memmove(out, in, len);
	return len;
}

size_t
ar_stem_utf8_hinted(const char *in, size_t len, char *out, ar_stem_mode mode,
					unsigned hints)
{
	const unsigned char *u = (const unsigned char *) in;
	uint8_t		key = (uint8_t) ((hints << 2) | (unsigned) mode);
	uint32_t	h;
	stem_cache_slot *e;
	size_t		m;

	if (len > AR_STEM_MAX_BYTES || mode == AR_STEM_NONE || len == 0)
	{
		memmove(out, in, len);
		return len;
	}
	if (len < 4 || len > CACHE_BYTES || hints > 0x3F)
		return stem_utf8_uncached(in, len, out, mode, hints);
	/* the length and the last byte of the first two and last two letters */
	h = ((uint32_t) len * 0x9E3779B1u) ^ key;
	h = (h ^ u[1]) * 0x85EBCA77u;
	h = (h ^ u[3]) * 0xC2B2AE3Du;
	h = (h ^ u[len - 3]) * 0x27D4EB2Fu;
	h = (h ^ u[len - 1]) * 0x165667B1u;
	e = &stem_cache[(h ^ (h >> 16)) & (CACHE_SLOTS - 1)];
	if (e->len == len && e->key == key && memcmp(e->word, in, len) == 0)
	{
		memcpy(out, e->stem, e->stem_len);
		return e->stem_len;
	}
	m = stem_utf8_uncached(in, len, out, mode, hints);
	if (m <= sizeof(e->stem))
	{
		e->len = (uint8_t) len;
		e->key = key;
		e->stem_len = (uint8_t) m;
		memcpy(e->word, in, len);
		memcpy(e->stem, out, m);
	}
	else
		e->len = 0;
	return m;
}

size_t
ar_stem_utf8(const char *in, size_t len, char *out, ar_stem_mode mode)
{
	return ar_stem_utf8_hinted(in, len, out, mode, 0);
}

int
ar_stem_native_utf8(const char *s, size_t len)
{
	uint32_t	cp[AR_STEM_MAX_CP];
	size_t		n = 0;
	size_t		i = 0;

	while (i < len)
	{
		int			nb;

		if (n == AR_STEM_MAX_CP)
			return 0;
		cp[n++] = ar_utf8_decode((const unsigned char *) s + i, len - i, &nb);
		i += nb;
	}
	return ar_stem_listed(AR_STEM_LIST_NATIVE, cp, n);
}
