/*
 * ar_normalize.c
 *	  One-pass Arabic normalizer: composition, presentation forms, folding.
 *
 * All tables are filled once by ar_normalize_init(); ar_normalize() itself is
 * a single linear pass that never allocates and never calls ICU.
 *
 * Composition is decided on what the rules keep, so that normalizing twice
 * changes nothing (every rule set is idempotent on valid UTF-8): a hamza or
 * madda mark composes with the last character written before it, seen
 * through harakat and through whatever the rules drop (tatweel, invisible
 * characters, dropped marks), including letters that came out of a
 * presentation form.
 */
#include <ctype.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>

#include "ar_chars.h"
#include "ar_normalize.h"
#include "ar_utf8.h"

/* Folding of the Arabic blocks U+0600..U+08FF: which rule, and into what. */
#define FOLD_LO 0x0600
#define FOLD_HI 0x08FF
static uint16_t fold_rule[FOLD_HI - FOLD_LO + 1];
static uint16_t fold_to[FOLD_HI - FOLD_LO + 1];	/* 0: drop */

/*
 * Extra bits in fold_rule (above every rule bit): the hamza/madda marks that
 * compose with the letter before them (they always take the slow path), and
 * the harakat, which a composition sees through (NFC composes across them,
 * their combining class being lower than the hamza's).
 */
#define F_COMPOSE_MARK	(1u << 15)
#define F_HARAKA		(1u << 14)

/* Canonical compositions base + (U+0653|U+0654|U+0655), from ICU; 0: none. */
#define COMP_BASE_LO 0x0600
#define COMP_BASE_HI 0x06FF
static uint16_t compose_to[COMP_BASE_HI - COMP_BASE_LO + 1][3];

/* NFKC expansions of U+FB50..U+FDFF and U+FE70..U+FEFE, from ICU. */
#define PRES_A_LO 0xFB50
#define PRES_A_HI 0xFDFF
#define PRES_B_LO 0xFE70
#define PRES_B_HI 0xFEFE
#define PRES_N ((PRES_A_HI - PRES_A_LO + 1) + (PRES_B_HI - PRES_B_LO + 1))
#define PRES_POOL 8192
static uint16_t pres_off[PRES_N];
static uint8_t pres_len[PRES_N];	/* 0: no expansion */
static uint16_t pres_pool[PRES_POOL];
/* UTF-8 bytes an expansion adds to the form's own 3 (0 if it does not grow) */
static uint8_t pres_growth[PRES_N];

static int	initialized;

static const struct
{
	const char *name;
	uint32_t	bit;
}			rule_names[] =
{
	{"diacritics", AR_N_DIACRITICS},
	{"tatweel", AR_N_TATWEEL},
	{"alef", AR_N_ALEF},
	{"yeh", AR_N_YEH},
	{"teh_marbuta", AR_N_TEH_MARBUTA},
	{"hamza", AR_N_HAMZA},
	{"digits", AR_N_DIGITS},
	{"presentation", AR_N_PRESENTATION},
	{"invisible", AR_N_INVISIBLE},
	{"persian", AR_N_PERSIAN},
	{"punctuation", AR_N_PUNCTUATION},
	{"search", AR_N_PROFILE_SEARCH},
	{"display", AR_N_PROFILE_DISPLAY},
};
#define N_RULES 11				/* the first N_RULES entries are rules */
#define N_NAMES (sizeof(rule_names) / sizeof(rule_names[0]))

static inline int
pres_index(uint32_t cp)
{
	if (cp >= PRES_A_LO && cp <= PRES_A_HI)
		return (int) (cp - PRES_A_LO);
	if (cp >= PRES_B_LO && cp <= PRES_B_HI)
		return (int) (cp - PRES_B_LO) + (PRES_A_HI - PRES_A_LO + 1);
	return -1;
}

static void
set_fold(uint32_t cp, uint32_t rule, uint32_t to)
{
	fold_rule[cp - FOLD_LO] = (uint16_t) rule;
	fold_to[cp - FOLD_LO] = (uint16_t) to;
}

/* Invisible characters outside the Arabic blocks (ALM U+061C is inside). */
static inline int
is_invisible(uint32_t cp)
{
	return cp == 0x00AD || (cp >= 0x200B && cp <= 0x200F) ||
		(cp >= 0x202A && cp <= 0x202E) || cp == 0x2060 ||
		(cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
}

static void
init_fold(void)
{
	uint32_t	cp;

	/* every combining mark of the Arabic blocks is a diacritic */
	for (cp = FOLD_LO; cp <= FOLD_HI; cp++)
		if (ar_char_class(cp) == AR_C_AMARK)
			set_fold(cp, AR_N_DIACRITICS, 0);

	set_fold(0x0640, AR_N_TATWEEL, 0);
	set_fold(0x0623, AR_N_ALEF, 0x0627);	/* أ */
	set_fold(0x0625, AR_N_ALEF, 0x0627);	/* إ */
	set_fold(0x0622, AR_N_ALEF, 0x0627);	/* آ */
	set_fold(0x0671, AR_N_ALEF, 0x0627);	/* ٱ wasla */
	set_fold(0x0672, AR_N_ALEF, 0x0627);	/* ٲ wavy hamza above */
	set_fold(0x0673, AR_N_ALEF, 0x0627);	/* ٳ wavy hamza below */
	set_fold(0x0649, AR_N_YEH, 0x064A); /* ى */
	set_fold(0x0629, AR_N_TEH_MARBUTA, 0x0647);	/* ة */
	set_fold(0x0624, AR_N_HAMZA, 0x0648);	/* ؤ */
	set_fold(0x0626, AR_N_HAMZA, 0x064A);	/* ئ */
	for (cp = 0; cp < 10; cp++)
	{
		set_fold(0x0660 + cp, AR_N_DIGITS, '0' + cp);
		set_fold(0x06F0 + cp, AR_N_DIGITS, '0' + cp);
	}
	set_fold(0x061C, AR_N_INVISIBLE, 0);	/* ALM */
	set_fold(0x06A9, AR_N_PERSIAN, 0x0643); /* ک keheh */
	set_fold(0x06CC, AR_N_PERSIAN, 0x064A); /* ی farsi yeh */
	set_fold(0x06D2, AR_N_PERSIAN, 0x064A); /* ے yeh barree */
	set_fold(0x06C0, AR_N_PERSIAN, 0x0647); /* ۀ heh with yeh above */
	/* the Urdu and Kurdish forms of heh: ہ ۂ ھ ە */
	set_fold(0x06C1, AR_N_PERSIAN, 0x0647); /* ہ heh goal */
	set_fold(0x06C2, AR_N_PERSIAN, 0x0647); /* ۂ heh goal with hamza */
	set_fold(0x06BE, AR_N_PERSIAN, 0x0647); /* ھ heh doachashmee */
	set_fold(0x06D5, AR_N_PERSIAN, 0x0647); /* ە ae */
	for (cp = 0x064B; cp <= 0x0652; cp++)
		fold_rule[cp - FOLD_LO] |= F_HARAKA;
	fold_rule[0x0670 - FOLD_LO] |= F_HARAKA;
	set_fold(0x060C, AR_N_PUNCTUATION, ',');
	set_fold(0x061B, AR_N_PUNCTUATION, ';');
	set_fold(0x061F, AR_N_PUNCTUATION, '?');
	set_fold(0x066A, AR_N_PUNCTUATION, '%');
}

static int
init_icu(void)
{
	UErrorCode	err = U_ZERO_ERROR;
	const UNormalizer2 *nfc = unorm2_getNFCInstance(&err);
	const UNormalizer2 *nfkc;
	size_t		pool = 0;
	uint32_t	cp;
	int			m;

	if (U_FAILURE(err))
		return -1;
	nfkc = unorm2_getNFKCInstance(&err);
	if (U_FAILURE(err))
		return -1;

	for (cp = COMP_BASE_LO; cp <= COMP_BASE_HI; cp++)
		for (m = 0; m < 3; m++)
		{
			UChar32		c = unorm2_composePair(nfc, (UChar32) cp, 0x0653 + m);

			if (c > 0 && c <= 0xFFFF)
			{
				compose_to[cp - COMP_BASE_LO][m] = (uint16_t) c;
				fold_rule[0x0653 + m - FOLD_LO] |= F_COMPOSE_MARK;
			}
		}

	for (cp = PRES_A_LO; cp <= PRES_B_HI; cp++)
	{
		UChar		src[1],
					dst[32];
		int32_t		n,
					i;
		int			idx = pres_index(cp);
		size_t		bytes = 0;

		if (idx < 0 || cp == 0xFEFF)
			continue;
		src[0] = (UChar) cp;
		err = U_ZERO_ERROR;
		n = unorm2_normalize(nfkc, src, 1, dst, 32, &err);
		if (U_FAILURE(err) || n <= 0 || (n == 1 && dst[0] == src[0]))
			continue;
		if (pool + (size_t) n > PRES_POOL)
			return -1;
		pres_off[idx] = (uint16_t) pool;
		pres_len[idx] = (uint8_t) n;
		for (i = 0; i < n; i++)
		{
			/* the expansions are all in the BMP; count UTF-8 bytes */
			pres_pool[pool++] = dst[i];
			bytes += dst[i] < 0x80 ? 1 : dst[i] < 0x800 ? 2 : 3;
		}
		pres_growth[idx] = (uint8_t) (bytes > 3 ? bytes - 3 : 0);
	}
	return 0;
}

int
ar_normalize_init(void)
{
	if (initialized)
		return 0;
	init_fold();
	if (init_icu() != 0)
		return -1;
	initialized = 1;
	return 0;
}

const char *
ar_normalize_rule_names(void)
{
	return "diacritics, tatweel, alef, yeh, teh_marbuta, hamza, digits, "
		"presentation, invisible, persian, punctuation";
}

const char *
ar_normalize_profile_names(void)
{
	return "search, display";
}

/*
 * Copy the unknown name b[0..n-1] for an error message: whole if it fits,
 * else cut at a character boundary (never inside a UTF-8 sequence, which
 * would make the message invalid) and marked with "...".
 */
static void
copy_bad_name(const char *b, size_t n, char *badbuf, size_t badlen)
{
	size_t		c = n;
	int			cut = 0;

	if (badlen == 0)
		return;
	if (c > badlen - 1)
	{
		cut = badlen >= 16;		/* room for a useful part and "..." */
		c = cut ? badlen - 4 : badlen - 1;
		while (c > 0 && ((unsigned char) b[c] & 0xC0) == 0x80)
			c--;
	}
	memcpy(badbuf, b, c);
	if (cut)
	{
		memcpy(badbuf + c, "...", 3);
		c += 3;
	}
	badbuf[c] = '\0';
}

int
ar_normalize_parse_rules(const char *spec, uint32_t *rules,
						 char *badbuf, size_t badlen)
{
	const char *p = spec;
	uint32_t	acc = 0;
	int			any = 0;

	for (;;)
	{
		const char *b,
				   *e;
		size_t		n,
					i;
		int			found = 0;

		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		b = p;
		while (*p && *p != ',')
			p++;
		e = p;
		while (e > b && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n'))
			e--;
		n = (size_t) (e - b);
		for (i = 0; i < N_NAMES && n > 0; i++)
		{
			const char *name = rule_names[i].name;
			size_t		k;

			if (strlen(name) != n)
				continue;
			for (k = 0; k < n; k++)
				if (tolower((unsigned char) b[k]) != name[k])
					break;
			if (k == n)
			{
				acc |= rule_names[i].bit;
				found = 1;
				break;
			}
		}
		if (!found)
		{
			copy_bad_name(b, n, badbuf, badlen);
			return -1;
		}
		any = 1;
		if (*p != ',')
			break;
		p++;
	}
	*rules = any ? acc : 0;
	return 0;
}

size_t
ar_normalize_bound(const char *in, size_t len, uint32_t rules)
{
	size_t		extra = 0;
	const unsigned char *p = (const unsigned char *) in,
			   *end = p + len;

	if (!(rules & AR_N_PRESENTATION))
		return len;

	/*
	 * Only presentation forms grow, each by its own expansion (ﻻ by one byte,
	 * ﷺ by 30): add what each one found adds.  Every form is a 3-byte
	 * sequence led by 0xEF; any 0xEF the normalizer could decode is counted.
	 */
	while ((p = memchr(p, 0xEF, (size_t) (end - p))) != NULL)
	{
		if (end - p >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80)
		{
			uint32_t	cp = 0xF000 | ((uint32_t) (p[1] & 0x3F) << 6) | (p[2] & 0x3F);
			int			pi = pres_index(cp);

			if (pi >= 0)
				extra += pres_growth[pi];
		}
		p++;
	}
	return len + extra;
}

uint32_t
ar_normalize_fold_cp(uint32_t cp, uint32_t rules)
{
	if (cp >= FOLD_LO && cp <= FOLD_HI)
	{
		if (fold_rule[cp - FOLD_LO] & rules)
			return fold_to[cp - FOLD_LO];
		return cp;
	}
	if ((rules & AR_N_INVISIBLE) && is_invisible(cp))
		return 0;
	return cp;
}

/*
 * What a following hamza/madda mark composes with: the last character
 * written that the rules keep and that is not a haraka (0: none yet), as it
 * was before folding, and where its output starts.
 */
typedef struct
{
	uint32_t	base;
	unsigned char *at;
} compose_state;

/*
 * Compose a hamza/madda mark with cs->base, rewriting the base's output in
 * place; 1 on success.  The base as written composes first (ے + U+0654 is ۓ
 * even under the persian rule), then the base as folded (ی + U+0654 is ئ
 * under it), so that what the output keeps can never compose on a second
 * pass.  Bases and their compositions are two-byte letters, and so are
 * their folds: the rewrite never changes the length.
 */
static inline int
compose_mark(compose_state *cs, uint32_t mark, uint32_t rules)
{
	uint32_t	b = cs->base,
				fb,
				c = 0;

	if (b < COMP_BASE_LO || b > COMP_BASE_HI)
		return 0;
	fb = ar_normalize_fold_cp(b, rules);
	if (fb < 0x80 || fb >= 0x800)
		return 0;
	c = compose_to[b - COMP_BASE_LO][mark - 0x0653];
	if (c == 0 && fb != b && fb >= COMP_BASE_LO && fb <= COMP_BASE_HI)
		c = compose_to[fb - COMP_BASE_LO][mark - 0x0653];
	if (c == 0)
		return 0;
	fb = ar_normalize_fold_cp(c, rules);
	if (fb < 0x80 || fb >= 0x800)
		return 0;				/* cannot happen: folds stay two-byte letters */
	ar_utf8_encode(fb, cs->at);
	cs->base = c;
	return 1;
}

/*
 * Emit one code point: compose it if it is a hamza/madda mark, else fold it
 * by rules.  What is dropped and the harakat leave the composition state
 * alone; anything else written becomes the new base.
 */
static inline unsigned char *
emit_cp(uint32_t cp, uint32_t rules, unsigned char *o, compose_state *cs)
{
	uint32_t	r = 0,
				f;

	if (cp >= FOLD_LO && cp <= FOLD_HI)
	{
		r = fold_rule[cp - FOLD_LO];
		if ((r & F_COMPOSE_MARK) && compose_mark(cs, cp, rules))
			return o;
	}
	f = ar_normalize_fold_cp(cp, rules);
	if (f == 0)
		return o;
	if (!(r & F_HARAKA))
	{
		cs->base = cp;
		cs->at = o;
	}
	return o + ar_utf8_encode(f, o);
}

size_t
ar_normalize(const char *in, size_t len, uint32_t rules, char *out)
{
	const unsigned char *s = (const unsigned char *) in;
	unsigned char *o = (unsigned char *) out;
	size_t		i = 0;
	compose_state cs = {0, NULL};

	while (i < len)
	{
		uint32_t	cp;
		int			nb;
		int			pi;

		/* ASCII is never changed (in Arabic text: mostly single spaces) */
		if (s[i] < 0x80)
		{
			cs.base = 0;
			*o++ = s[i++];
			continue;
		}

		/*
		 * Fast path for U+0600..U+06FF (lead bytes D8..DB), most of Arabic
		 * text, in a loop over the whole word: copy what no enabled rule
		 * touches, leave folds and the hamza/madda marks to emit_cp().
		 */
		while (i + 1 < len && s[i] >= 0xD8 && s[i] <= 0xDB && (s[i + 1] & 0xC0) == 0x80)
		{
			uint32_t	idx = (((uint32_t) (s[i] & 0x1F) << 6) | (s[i + 1] & 0x3F)) - FOLD_LO;
			uint32_t	r = fold_rule[idx];

			if ((r & (rules | F_COMPOSE_MARK)) == 0)
			{
				if (!(r & F_HARAKA))
				{
					cs.base = idx + FOLD_LO;
					cs.at = o;
				}
				o[0] = s[i];
				o[1] = s[i + 1];
				o += 2;
			}
			else
				o = emit_cp(idx + FOLD_LO, rules, o, &cs);
			i += 2;
		}
		if (i >= len || s[i] < 0x80)
			continue;

		cp = ar_utf8_decode(s + i, len - i, &nb);
		if (cp == AR_UTF8_BAD && nb == 1)
		{
			cs.base = 0;
			*o++ = s[i++];		/* not UTF-8: keep the byte */
			continue;
		}
		if ((rules & AR_N_PRESENTATION) && (pi = pres_index(cp)) >= 0 &&
			pres_len[pi] > 0)
		{
			int			k;

			for (k = 0; k < pres_len[pi]; k++)
				o = emit_cp(pres_pool[pres_off[pi] + k], rules, o, &cs);
		}
		else
			o = emit_cp(cp, rules, o, &cs);
		i += nb;
	}
	return (size_t) (o - (unsigned char *) out);
}

size_t
ar_normalize_lower_bound(size_t len)
{
	/* the most a simple lowercase mapping grows: Ⱥ U+023A (2 bytes) → U+2C65 (3) */
	return len + len / 2 + 1;
}

size_t
ar_normalize_lower(const char *in, size_t len, char *out)
{
	const unsigned char *s = (const unsigned char *) in;
	unsigned char *o = (unsigned char *) out;
	size_t		i = 0;

	while (i < len)
	{
		int			nb;
		uint32_t	cp;

		if (s[i] < 0x80)
		{
			*o++ = (s[i] >= 'A' && s[i] <= 'Z') ? (unsigned char) (s[i] + 32) : s[i];
			i++;
			continue;
		}
		cp = ar_utf8_decode(s + i, len - i, &nb);
		if (cp == AR_UTF8_BAD && nb == 1)
			*o++ = s[i];
		else
			o += ar_utf8_encode((uint32_t) u_tolower((UChar32) cp), o);
		i += nb;
	}
	return (size_t) (o - (unsigned char *) out);
}
