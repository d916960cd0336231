/*
 * ar_tokenize.c
 *	  Locale-independent tokenizer: Arabic words, other words, numbers, URLs,
 *	  emails, hashtags, mentions, and blanks for everything in between.
 *
 * Arabic and other-script letters never share a token (لـUNICEF is two words),
 * digits split from Arabic letters (2023م) but join Latin ones (G20).
 */
#include <string.h>

#include "ar_chars.h"
#include "ar_tokenize.h"
#include "ar_utf8.h"

typedef struct
{
	uint32_t	cp;
	ar_cclass	cls;
	int			nb;
} ch_t;

/*
 * Does a two-byte character of U+0600..U+07FF continue an Arabic word (a
 * letter, mark or tatweel)?  Indexed by code point - 0x600; filled once from
 * the character tables by ar_tok_init.
 */
static uint8_t arabic_cont[0x200];
static uint8_t arabic_class[0x200];		/* ar_cclass of U+0600..U+07FF */
static int	arabic_cont_ready;

static void
init_arabic_cont(void)
{
	uint32_t	cp;

	for (cp = 0x600; cp < 0x800; cp++)
	{
		ar_cclass	c = ar_char_class(cp);

		arabic_class[cp - 0x600] = (uint8_t) c;
		arabic_cont[cp - 0x600] = c == AR_C_ALETTER || c == AR_C_AMARK ||
			c == AR_C_TATWEEL;
	}
	arabic_cont_ready = 1;
}

/*
 * The character at pos.  Arabic text is almost all ASCII blanks and
 * two-byte letters of U+0600..U+07FF, decoded here without the general
 * decoder's branches; everything else goes through it.
 */
#if defined(__GNUC__)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define ALWAYS_INLINE inline
#endif

static ALWAYS_INLINE ch_t
peek(const ar_tokenizer *t, size_t pos)
{
	ch_t		c;
	const unsigned char *s = (const unsigned char *) t->s + pos;
	unsigned char b;

	if (pos >= t->len)
	{
		c.cp = 0;
		c.cls = AR_C_OTHER;
		c.nb = 0;
		return c;
	}
	b = s[0];
	if (b < 0x80)
	{
		c.cp = b;
		c.nb = 1;
		c.cls = (ar_cclass) ar_chartab_blocks[0][b];
		return c;
	}
	if ((b & 0xF8) == 0xD8 && pos + 1 < t->len && (s[1] & 0xC0) == 0x80)
	{
		c.cp = ((uint32_t) (b & 0x1F) << 6) | (s[1] & 0x3F);
		c.nb = 2;
		c.cls = (ar_cclass) arabic_class[c.cp - 0x600];
		return c;
	}
	c.cp = ar_utf8_decode(s, t->len - pos, &c.nb);
	c.cls = ar_char_class(c.cp);
	return c;
}

static inline int
is_digit_class(ar_cclass c)
{
	return c == AR_C_DIGIT || c == AR_C_ARDIGIT;
}

/* May a token (other than blank) start with this character? */
static inline int
starts_token(const ar_tokenizer *t, size_t pos, ch_t c)
{
	if (c.cls == AR_C_ALETTER || c.cls == AR_C_LETTER || c.cls == AR_C_ODIGIT ||
		is_digit_class(c.cls))
		return 1;
	if (c.cp == '#' || c.cp == '@')
	{
		ch_t		n = peek(t, pos + 1);

		return n.cls == AR_C_ALETTER || n.cls == AR_C_LETTER ||
			is_digit_class(n.cls);
	}
	return 0;
}

void
ar_tok_init(ar_tokenizer *t, const char *s, size_t len)
{
	if (!arabic_cont_ready)
		init_arabic_cont();
	t->s = s;
	t->len = len;
	t->pos = 0;
	t->cont = AR_T_END;
}

static int
prefix_ci(const ar_tokenizer *t, size_t pos, const char *lit)
{
	size_t		n = strlen(lit),
				i;

	if (pos + n > t->len)
		return 0;
	for (i = 0; i < n; i++)
	{
		char		c = t->s[pos + i];

		if (c >= 'A' && c <= 'Z')
			c = (char) (c - 'A' + 'a');
		if (c != lit[i])
			return 0;
	}
	return 1;
}

/* End of a URL starting at pos, or 0 if none starts there. */
static size_t
scan_url(const ar_tokenizer *t, size_t pos)
{
	size_t		p,
				last;

	if (prefix_ci(t, pos, "https://"))
		p = pos + 8;
	else if (prefix_ci(t, pos, "http://") || prefix_ci(t, pos, "www."))
		p = pos + (t->s[pos + 3] == '.' ? 4 : 7);
	else if (prefix_ci(t, pos, "ftp://"))
		p = pos + 6;
	else
		return 0;
	last = p;
	while (p < t->len)
	{
		ch_t		c = peek(t, p);

		if (c.cls == AR_C_SPACE || c.cp == '<' || c.cp == '>' || c.cp == '"' ||
			c.cp == 0xAB || c.cp == 0xBB || c.cp == AR_UTF8_BAD ||
			(c.cls == AR_C_FORMAT))
			break;
		p += c.nb;
		/* trailing sentence punctuation is not part of the URL */
		if (!(c.cp == '.' || c.cp == ',' || c.cp == ';' || c.cp == ':' ||
			  c.cp == '!' || c.cp == '?' || c.cp == ')' || c.cp == '\'' ||
			  c.cp == 0x060C || c.cp == 0x061B || c.cp == 0x061F || c.cp == 0x06D4))
			last = p;
	}
	return last > pos + 8 || (last > pos && prefix_ci(t, pos, "www.") && last > pos + 4) ? last : 0;
}

static inline int
is_ascii_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* End of an email address starting at pos, or 0. */
static size_t
scan_email(const ar_tokenizer *t, size_t pos)
{
	const char *s = t->s;
	size_t		p = pos,
				end = 0;
	int			dots = 0;

	/*
	 * The local part is at most 64 characters and the domain 255 (RFC 5321):
	 * the bounds keep a long run like a.a.a.a... from being rescanned at
	 * every token, which would be quadratic.
	 */
	while (p < t->len && p - pos <= 64 &&
		   (is_ascii_alnum(s[p]) || s[p] == '.' || s[p] == '_' ||
			s[p] == '%' || s[p] == '+' || s[p] == '-'))
		p++;
	if (p == pos || p >= t->len || s[p] != '@')
		return 0;
	p++;
	while (p < t->len && p - pos <= 64 + 256 &&
		   (is_ascii_alnum(s[p]) || s[p] == '-' || s[p] == '.'))
	{
		if (s[p] == '.')
			dots++;
		else if ((s[p] >= 'a' && s[p] <= 'z') || (s[p] >= 'A' && s[p] <= 'Z'))
		{
			if (dots > 0)
				end = p + 1;
		}
		else if (dots > 0)
			end = p + 1;
		p++;
	}
	/* the domain must end with a letter and contain a dot */
	if (end == 0 || !((s[end - 1] >= 'a' && s[end - 1] <= 'z') ||
					  (s[end - 1] >= 'A' && s[end - 1] <= 'Z')))
		return 0;
	return end;
}

static size_t
scan_arabic(const ar_tokenizer *t, size_t p)
{
	const unsigned char *s = (const unsigned char *) t->s;

	while (p < t->len)
	{
		ch_t		c;

		/* the bulk of a word: two-byte letters, each byte read once */
		while (p + 1 < t->len && (s[p] & 0xF8) == 0xD8 &&
			   (s[p + 1] & 0xC0) == 0x80 &&
			   arabic_cont[(((uint32_t) (s[p] & 0x07) << 6) | (s[p + 1] & 0x3F))])
			p += 2;
		if (p >= t->len)
			break;
		c = peek(t, p);

		if (c.cls == AR_C_ALETTER || c.cls == AR_C_AMARK || c.cls == AR_C_TATWEEL)
			p += c.nb;
		else if (c.cls == AR_C_JOINER)
		{
			/* ZWNJ/ZWJ stay inside a word, never at its end */
			ch_t		n = peek(t, p + c.nb);

			if (n.cls != AR_C_ALETTER && n.cls != AR_C_AMARK)
				break;
			p += c.nb;
		}
		else
			break;
	}
	return p;
}

/* Letters of other scripts, marks and ASCII/other digits; sets *digits. */
static size_t
scan_other(const ar_tokenizer *t, size_t p, int *digits)
{
	while (p < t->len)
	{
		ch_t		c = peek(t, p);

		if (c.cls == AR_C_LETTER || c.cls == AR_C_MARK)
			p += c.nb;
		else if (c.cls == AR_C_DIGIT || c.cls == AR_C_ODIGIT)
		{
			*digits = 1;
			p += c.nb;
		}
		else
			break;
	}
	return p;
}

/* Digits with inner separators . , U+066B U+066C followed by a digit. */
static size_t
scan_number(const ar_tokenizer *t, size_t p)
{
	while (p < t->len)
	{
		ch_t		c = peek(t, p);

		if (is_digit_class(c.cls))
			p += c.nb;
		else if (c.cp == '.' || c.cp == ',' || c.cp == 0x066B || c.cp == 0x066C)
		{
			ch_t		n = peek(t, p + c.nb);

			if (!is_digit_class(n.cls))
				break;
			p += c.nb;
		}
		else
			break;
	}
	return p;
}

static size_t
scan_tag(const ar_tokenizer *t, size_t p)
{
	while (p < t->len)
	{
		ch_t		c = peek(t, p);

		if (c.cp == '_' || ar_char_is_wordpart(c.cls) || is_digit_class(c.cls) ||
			c.cls == AR_C_ODIGIT)
			p += c.nb;
		else
			break;
	}
	return p;
}

/*
 * The rest of a run of type cont cut at AR_TOK_MAX_BYTES, from p: where the
 * scanner of its type stops (p when the run ended exactly at the cut).
 */
static size_t
scan_continuation(const ar_tokenizer *t, size_t p, int cont)
{
	int			digits = 0;

	switch (cont)
	{
		case AR_T_ARABIC:
			return scan_arabic(t, p);
		case AR_T_WORD:
		case AR_T_NUMWORD:
			return scan_other(t, p, &digits);
		case AR_T_NUMBER:
			return scan_number(t, p);
		case AR_T_HASHTAG:
		case AR_T_MENTION:
			return scan_tag(t, p);
		default:
			return p;
	}
}

static ar_toktype scan_token(ar_tokenizer *t, size_t start, size_t *endp);

/* a joiner (3 bytes) and a four-byte letter: what may not fit at the cut */
#define CUT_SLACK	8

/*
 * Next token.  The scanners run over a view of the input cut
 * AR_TOK_MAX_BYTES after the token's start (t->len is narrowed for the
 * call), so no token is longer and no scan reads further; a word run that
 * reaches the cut goes on as blank pieces (AR_TOK_MAX_BYTES in the header).
 */
ar_toktype
ar_tok_next(ar_tokenizer *t, ar_token *tok)
{
	size_t		start = t->pos,
				full = t->len,
				end;
	ar_toktype	type;
	int			cut;

	if (start >= full)
	{
		tok->type = AR_T_END;
		tok->start = full;
		tok->len = 0;
		return AR_T_END;
	}
	cut = full - start > AR_TOK_MAX_BYTES;
	if (cut)
		t->len = start + AR_TOK_MAX_BYTES;
	end = start;
	if (t->cont != AR_T_END)
		end = scan_continuation(t, start, t->cont);
	if (end > start)
		type = AR_T_BLANK;		/* the tail of a cut run */
	else
	{
		t->cont = AR_T_END;
		type = scan_token(t, start, &end);
	}

	/*
	 * A word run that ends within CUT_SLACK bytes of the cut may go on (a
	 * letter, or a joiner or separator with the letter or digit it needs,
	 * did not fit): the next call continues it, and ends the continuation at
	 * once if the run in fact ended here.
	 */
	if (cut && end + CUT_SLACK > t->len &&
		(t->cont != AR_T_END ||
		 (type != AR_T_BLANK && type != AR_T_URL && type != AR_T_EMAIL)))
	{
		if (t->cont == AR_T_END)
			t->cont = type;
	}
	else
		t->cont = AR_T_END;
	t->len = full;
	tok->type = type;
	tok->start = start;
	tok->len = end - start;
	t->pos = end;
	return type;
}

/* One token starting at start (t->len may be narrowed); its end in *endp. */
static ar_toktype
scan_token(ar_tokenizer *t, size_t start, size_t *endp)
{
	size_t		end;
	ar_toktype	type;
	ch_t		c = peek(t, start);

	if (c.cls == AR_C_ALETTER)
	{
		end = scan_arabic(t, start + c.nb);
		type = AR_T_ARABIC;
	}
	else if (c.cls == AR_C_LETTER || c.cls == AR_C_ODIGIT || is_digit_class(c.cls))
	{
		int			digits = 0;

		if (c.cp < 0x80 && ((end = scan_url(t, start)) != 0))
			type = AR_T_URL;
		else if (c.cp < 0x80 && ((end = scan_email(t, start)) != 0))
			type = AR_T_EMAIL;
		else if (is_digit_class(c.cls))
		{
			end = scan_number(t, start);
			/* digits glued to Latin letters make one word (G20, 5G) */
			if (peek(t, end).cls == AR_C_LETTER && c.cls == AR_C_DIGIT)
			{
				end = scan_other(t, start, &digits);
				type = AR_T_NUMWORD;
			}
			else
				type = AR_T_NUMBER;
		}
		else
		{
			end = scan_other(t, start, &digits);
			type = digits ? AR_T_NUMWORD : AR_T_WORD;
		}
	}
	else if (starts_token(t, start, c))
	{
		end = scan_tag(t, start + 1);
		type = c.cp == '#' ? AR_T_HASHTAG : AR_T_MENTION;
	}
	else
	{
		end = start + c.nb;
		while (end < t->len)
		{
			unsigned char b = (unsigned char) t->s[end];
			ch_t		n;

			/* ASCII spaces and punctuation without a decoder call */
			if (b < 0x80 && b != '#' && b != '@')
			{
				ar_cclass	k = (ar_cclass) ar_chartab_blocks[0][b];

				if (k == AR_C_LETTER || k == AR_C_ODIGIT || is_digit_class(k) ||
					k == AR_C_ALETTER)
					break;
				end++;
				continue;
			}
			n = peek(t, end);
			if (starts_token(t, end, n))
				break;
			end += n.nb;
		}
		type = AR_T_BLANK;
	}
	*endp = end;
	return type;
}

static const char *const tok_names[AR_T_MAXID + 1][2] = {
	[AR_T_ARABIC] = {"arabic", "Arabic word"},
	[AR_T_WORD] = {"word", "Word, letters of other scripts"},
	[AR_T_NUMWORD] = {"numword", "Word, letters and digits"},
	[AR_T_EMAIL] = {"email", "Email address"},
	[AR_T_URL] = {"url", "URL"},
	[AR_T_NUMBER] = {"number", "Number, ASCII or Arabic-Indic digits"},
	[AR_T_HASHTAG] = {"hashtag", "Hashtag"},
	[AR_T_MENTION] = {"mention", "Mention"},
	[AR_T_BLANK] = {"blank", "Space symbols and punctuation"},
};

const char *
ar_tok_name(int type)
{
	return type > 0 && type <= AR_T_MAXID ? tok_names[type][0] : NULL;
}

const char *
ar_tok_description(int type)
{
	return type > 0 && type <= AR_T_MAXID ? tok_names[type][1] : NULL;
}
