/*
 * ar_dates.c
 *	  Dates, numbers, money and percentages over the entity token window.
 *
 * Digits arrive already folded to ASCII by the "search" normalization of the
 * token keys, so Arabic-Indic and ASCII input take the same path.  Scaling by
 * number words moves the decimal point in the digit string: no floating point.
 */
#include <stdio.h>
#include <string.h>

#include "ar_gazetteer.h"

#include "ar_dates.h"

/* Value of a key made only of ASCII digits (at most 9), or -1; *ndig digits. */
static long
int_key(const ar_edoc *d, size_t i, int *ndig)
{
	const char *k;
	size_t		n,
				j;
	long		v = 0;

	*ndig = 0;
	if (i >= d->n || d->t[i].type != AR_T_NUMBER)
		return -1;
	k = ar_edoc_key(d, i);
	n = d->t[i].key_len;
	if (n == 0 || n > 9)
		return -1;
	for (j = 0; j < n; j++)
	{
		if (k[j] < '0' || k[j] > '9')
			return -1;
		v = v * 10 + (k[j] - '0');
	}
	*ndig = (int) n;
	return v;
}

/* Source offset where token i starts, its proclitics left out. */
static size_t
tok_start(const ar_edoc *d, size_t i)
{
	return d->t[i].start + ar_etok_clitic(&d->t[i]);
}

static size_t
tok_end(const ar_edoc *d, size_t i)
{
	return d->t[i].start + d->t[i].len;
}

static void
set_norm(ar_match *m, int type, size_t first, size_t last, size_t start, size_t end)
{
	m->type = type;
	m->first = first;
	m->last = last;
	m->start = start;
	m->end = end;
	m->norm = m->buf;
	m->norm_len = strlen(m->buf);
}

/* Is day/mon a real date of year (0: any year)?  Hijri months have 29-30 days. */
static int
valid_day(long year, int mon, long day, int hijri)
{
	static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (mon < 1 || mon > 12 || day < 1)
		return 0;
	if (hijri)
		return day <= 30;
	if (day > mdays[mon - 1])
		return 0;
	if (mon == 2 && day == 29 && year > 0)
		return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return 1;
}

/* Month at token i (one or two tokens): its lexicon value, *ntok tokens. */
static int
month_at(const ar_edoc *d, size_t i, int *ntok)
{
	const ar_gaz_rec *r;

	if (i >= d->n || (d->t[i].type != AR_T_ARABIC))
		return 0;
	if (((d->t[i].rf && d->t[i].rf->maxlen >= 2) || (d->t[i].rs && d->t[i].rs->maxlen >= 2)) &&
		(r = ar_edoc_seq(d, i, 2, 1)) != NULL &&
		(r->wflags & AR_W_MONTH))
	{
		*ntok = 2;
		return r->wval;
	}
	if (d->t[i].wflags & AR_W_MONTH)
	{
		*ntok = 1;
		return ar_edoc_wval(d, i);
	}
	return 0;
}

/* A year after a date: 3-4 digits; consumes a following م/هـ mark. */
static int
year_at(const ar_edoc *d, size_t i, long *year, int *hijri, size_t *next)
{
	int			nd;
	long		y = int_key(d, i, &nd);

	if (y < 0 || nd < 3 || nd > 4 || (i < d->n && d->t[i].punct && !ar_edoc_gap_is(d, i, ' ')))
		return 0;
	*year = y;
	*next = i + 1;
	if (i + 1 < d->n && !d->t[i + 1].punct)
	{
		if (ar_edoc_is(d, i + 1, AR_W_HIJRI_MARK) && d->t[i + 1].key_len <= 2)
		{
			*hijri = 1;
			*next = i + 2;
		}
		else if (ar_edoc_is(d, i + 1, AR_W_AD_MARK) && d->t[i + 1].key_len <= 2)
			*next = i + 2;
	}
	return 1;
}

/* day month [year] at i; 1 and m filled, or 0. */
static int
day_month(const ar_edoc *d, size_t i, ar_match *m)
{
	int			nd,
				nt,
				mon,
				hijri;
	long		day = int_key(d, i, &nd),
				year;
	size_t		j,
				next;

	if (day < 1 || day > 31 || nd > 2)
		return 0;
	j = i + 1;
	/* "5 من يناير" is rare in news; only adjacency is taken */
	if (j >= d->n || d->t[j].punct || (mon = month_at(d, j, &nt)) == 0)
		return 0;
	hijri = mon > 100;
	if (hijri)
		mon -= 100;
	j += (size_t) nt;
	if (year_at(d, j, &year, &hijri, &next))
	{
		if (!valid_day(year, mon, day, hijri))
			return 0;
		if (hijri)
			snprintf(m->buf, sizeof(m->buf), "%ld-%02d-%02ldH", year, mon, day);
		else
			snprintf(m->buf, sizeof(m->buf), "%04ld-%02d-%02ld", year, mon, day);
		set_norm(m, AR_E_DATE, i, next, tok_start(d, i), tok_end(d, next - 1));
		return 1;
	}
	if (!valid_day(0, mon, day, hijri))
		return 0;
	snprintf(m->buf, sizeof(m->buf), "--%02d-%02ld%s", mon, day, hijri ? "H" : "");
	set_norm(m, AR_E_DATE, i, j, tok_start(d, i), tok_end(d, j - 1));
	return 1;
}

/* yyyy-mm-dd, yyyy/mm/dd, dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy */
static int
numeric_date(const ar_edoc *d, size_t i, ar_match *m)
{
	int			n1,
				n2,
				n3;
	long		a,
				b,
				c;
	char		sep;
	const char *k = ar_edoc_key(d, i);

	/* one token: 20.09.2023 (the tokenizer keeps dotted digits together) */
	if (d->t[i].type == AR_T_NUMBER && d->t[i].key_len == 10 && k[2] == '.' && k[5] == '.')
	{
		if (sscanf(k, "%2ld.%2ld.%4ld", &a, &b, &c) == 3 && c >= 1000 &&
			valid_day(c, (int) b, a, 0))
		{
			snprintf(m->buf, sizeof(m->buf), "%04ld-%02ld-%02ld", c, b, a);
			set_norm(m, AR_E_DATE, i, i + 1, tok_start(d, i), tok_end(d, i));
			return 1;
		}
		return 0;
	}
	if (i + 2 >= d->n)
		return 0;
	a = int_key(d, i, &n1);
	b = int_key(d, i + 1, &n2);
	c = int_key(d, i + 2, &n3);
	if (a < 0 || b < 0 || c < 0)
		return 0;
	sep = d->s[d->t[i + 1].gap];
	if ((sep != '-' && sep != '/') || !ar_edoc_gap_is(d, i + 1, sep) ||
		!ar_edoc_gap_is(d, i + 2, sep))
		return 0;
	if (n1 == 4 && n2 <= 2 && n3 <= 2 && b <= 12 && valid_day(a, (int) b, c, 0))
		snprintf(m->buf, sizeof(m->buf), "%04ld-%02ld-%02ld", a, b, c);
	else if (n1 <= 2 && n2 <= 2 && n3 == 4 && b <= 12 && valid_day(c, (int) b, a, 0))
		snprintf(m->buf, sizeof(m->buf), "%04ld-%02ld-%02ld", c, b, a);
	else
		return 0;
	set_norm(m, AR_E_DATE, i, i + 3, tok_start(d, i), tok_end(d, i + 2));
	return 1;
}

int
ar_dates_match(const ar_edoc *d, size_t i, ar_match *m)
{
	const ar_etok *t = &d->t[i];
	int			nt,
				mon,
				hijri = 0;
	long		year;
	size_t		next;

	if (t->type == AR_T_NUMBER)
		return numeric_date(d, i, m) || day_month(d, i, m);
	if (t->type != AR_T_ARABIC)
		return 0;
	if (t->wflags & AR_W_WEEKDAY)
	{
		/* the weekday joins a date that follows it, even after a comma */
		if (i + 1 < d->n && d->t[i + 1].type == AR_T_NUMBER &&
			(numeric_date(d, i + 1, m) || day_month(d, i + 1, m)))
		{
			m->first = i;
			m->start = tok_start(d, i);
			return 1;
		}
		return 0;
	}
	if (t->wflags & AR_W_YEARWORD)
	{
		if (i + 1 < d->n && !d->t[i + 1].punct &&
			year_at(d, i + 1, &year, &hijri, &next) &&
			(hijri || (year >= 1000 && year <= 2999 && d->t[i + 1].key_len == 4)))
		{
			if (hijri)
				snprintf(m->buf, sizeof(m->buf), "%ldH", year);
			else
				snprintf(m->buf, sizeof(m->buf), "%04ld", year);
			set_norm(m, AR_E_DATE, i, next, tok_start(d, i), tok_end(d, next - 1));
			return 1;
		}
		return 0;
	}
	if ((mon = month_at(d, i, &nt)) != 0)
	{
		hijri = mon > 100;
		if (hijri)
			mon -= 100;
		if (i + (size_t) nt < d->n && !d->t[i + nt].punct &&
			year_at(d, i + (size_t) nt, &year, &hijri, &next))
		{
			if (hijri)
				snprintf(m->buf, sizeof(m->buf), "%ld-%02dH", year, mon);
			else
				snprintf(m->buf, sizeof(m->buf), "%04ld-%02d", year, mon);
			set_norm(m, AR_E_DATE, i, next, tok_start(d, i), tok_end(d, next - 1));
			return 1;
		}
	}
	return 0;
}

/* ---- numbers ---- */

/*
 * Digits of a NUMBER key with one '.' at most into out (cap bytes); thousands
 * separators dropped.  ٫ is a decimal point, ٬ a thousands separator; with
 * both '.' and ',' the last one is the decimal point; a lone ',' followed by
 * groups of three digits separates thousands.  Returns the length, or 0.
 */
static size_t
number_digits(const char *k, size_t n, char *out, size_t cap)
{
	size_t		j,
				o = 0,
				lastdot = (size_t) -1,
				lastcomma = (size_t) -1;
	int			ndots = 0,
				ncommas = 0,
				groups3 = 1,
				run = 0,
				first = 1;
	size_t		dec = (size_t) -1;	/* position in k of the decimal mark */

	for (j = 0; j < n; j++)
	{
		unsigned char c = (unsigned char) k[j];

		if (c >= '0' && c <= '9')
		{
			run++;
			continue;
		}
		if (c == '.' || c == ',')
		{
			if (c == '.')
				ndots++, lastdot = j;
			else
				ncommas++, lastcomma = j;
			if ((!first && run != 3) || (first && run > 3))
				groups3 = 0;
			first = 0;
			run = 0;
			continue;
		}
		if (c == 0xD9 && j + 1 < n && (unsigned char) k[j + 1] == 0xAB)
		{
			dec = j;
			j++;
			continue;
		}
		if (c == 0xD9 && j + 1 < n && (unsigned char) k[j + 1] == 0xAC)
		{
			j++;
			continue;
		}
		return 0;
	}
	if (!first && run != 3)
		groups3 = 0;
	/* 0,100 is a fraction: no thousands group starts with a lone 0 */
	if (n > 1 && k[0] == '0' && (k[1] == ',' || k[1] == '.'))
		groups3 = 0;
	if (dec == (size_t) -1)
	{
		if (ndots && ncommas)
			dec = lastdot > lastcomma ? lastdot : lastcomma;
		else if (ndots == 1 && !ncommas)
			dec = lastdot;
		else if (ncommas == 1 && !ndots && !groups3)
			dec = lastcomma;
	}
	for (j = 0; j < n && o + 2 < cap; j++)
	{
		unsigned char c = (unsigned char) k[j];

		if (c >= '0' && c <= '9')
		{
			/* drop leading zeros of the integer part */
			if (c == '0' && o == 0 && j + 1 < n && k[j + 1] >= '0' && k[j + 1] <= '9')
				continue;
			out[o++] = (char) c;
		}
		else if (j == dec)
		{
			if (o == 0)
				out[o++] = '0';
			out[o++] = '.';
		}
	}
	if (j < n)
		return 0;
	return o;
}

/* Multiply the decimal string in buf (length *n) by 10^p, trimming zeros. */
static void
scale_digits(char *buf, size_t *n, size_t cap, int p)
{
	char	   *dot = memchr(buf, '.', *n);
	size_t		len = *n;

	if (dot)
	{
		size_t		pos = (size_t) (dot - buf);

		memmove(dot, dot + 1, len - pos - 1);
		len--;
		/* the point now sits after pos + p digits */
		pos += (size_t) p;
		while (len < pos && len + 1 < cap)
			buf[len++] = '0';
		if (pos < len)
		{
			memmove(buf + pos + 1, buf + pos, len - pos);
			buf[pos] = '.';
			len++;
		}
	}
	else
		while (p-- > 0 && len + 1 < cap)
			buf[len++] = '0';
	/* trailing zeros of a fraction, then a bare point */
	if (memchr(buf, '.', len))
	{
		while (len > 0 && buf[len - 1] == '0')
			len--;
		if (len > 0 && buf[len - 1] == '.')
			len--;
	}
	/* leading zeros of the integer part (0.5 مليون is 500000) */
	{
		size_t		z = 0;

		while (z + 1 < len && buf[z] == '0' && buf[z + 1] != '.')
			z++;
		if (z > 0)
		{
			memmove(buf, buf + z, len - z);
			len -= z;
		}
	}
	*n = len;
}

static const char *const currency_default[] = {
	NULL, "USD", "EUR", "MAD", "DINAR", "RIYAL", "POUND", "LIRA", "ILS", "JPY",
	"RUB", "FRANC", "RUPEE", "CNY", "GBP"
};

/* Country qualifiers after a currency word (ar_dates_lexicon adds their forms). */
static const struct
{
	const char *adj;
	const char *code;
}			qualifiers[] =
{
	{"أمريكي", "USD"}, {"أميركي", "USD"}, {"كندي", "CAD"}, {"أسترالي", "AUD"},
	{"سعودي", "SAR"}, {"قطري", "QAR"}, {"عماني", "OMR"}, {"يمني", "YER"},
	{"إيراني", "IRR"}, {"كويتي", "KWD"}, {"أردني", "JOD"}, {"عراقي", "IQD"},
	{"جزائري", "DZD"}, {"تونسي", "TND"}, {"ليبي", "LYD"}, {"بحريني", "BHD"},
	{"إماراتي", "AED"}, {"مغربي", "MAD"}, {"مصري", "EGP"}, {"سوداني", "SDG"},
	{"لبناني", "LBP"}, {"سوري", "SYP"}, {"تركي", "TRY"},
	{"سويسري", "CHF"}, {"هندي", "INR"}, {"باكستاني", "PKR"}, {"إسرائيلي", "ILS"},
	{"صيني", "CNY"}, {"ياباني", "JPY"}, {"روسي", "RUB"}, {"كوبي", "CUP"},
	{"موريتاني", "MRU"}, {"أوروبي", "EUR"},
};

/*
 * Every form of a qualifier: masculine, feminine (ة), accusative (ا), with
 * and without the article; written with hamza as in the table, the lexicon
 * normalizes them like the text.
 */
int
ar_dates_lexicon(ar_gaz *g)
{
	static const char *const forms[][2] = {
		{"", ""}, {"", "ة"}, {"", "ا"}, {"ال", ""}, {"ال", "ة"}
	};
	size_t		q,
				f;

	for (q = 0; q < sizeof(qualifiers) / sizeof(qualifiers[0]); q++)
		for (f = 0; f < sizeof(forms) / sizeof(forms[0]); f++)
		{
			char		w[96];

			snprintf(w, sizeof(w), "%s%s%s", forms[f][0], qualifiers[q].adj, forms[f][1]);
			if (ar_gaz_add_word(g, w, AR_W_CURQUAL, (int) q + 1) != 0)
				return -1;
		}
	return 0;
}

/* ISO code of a qualifier token, or NULL. */
static const char *
qualifier_code(const ar_edoc *d, size_t i)
{
	const ar_etok *t = &d->t[i];

	if (t->rf && (t->rf->wflags & AR_W_CURQUAL) && t->rf->wval > 0 &&
		t->rf->wval <= (int) (sizeof(qualifiers) / sizeof(qualifiers[0])))
		return qualifiers[t->rf->wval - 1].code;
	/* استرليني is a currency word of its own (جنيه استرليني) */
	if ((t->wflags & AR_W_CURRENCY) && ar_edoc_wval(d, i) == 14)
		return "GBP";
	return NULL;
}

/* Symbol in the blank right before token i: "USD", "EUR", "GBP" or NULL. */
static const char *
symbol_before(const ar_edoc *d, size_t i, size_t *sym_start)
{
	size_t		p = d->t[i].start;

	while (p > d->t[i].gap && d->s[p - 1] == ' ')
		p--;
	if (p > d->t[i].gap && d->s[p - 1] == '$')
	{
		*sym_start = p - 1;
		return "USD";
	}
	if (p >= d->t[i].gap + 3 && memcmp(d->s + p - 3, "\xe2\x82\xac", 3) == 0)
	{
		*sym_start = p - 3;
		return "EUR";
	}
	if (p >= d->t[i].gap + 2 && memcmp(d->s + p - 2, "\xc2\xa3", 2) == 0)
	{
		*sym_start = p - 2;
		return "GBP";
	}
	return NULL;
}

/* End of a % or ٪ sign right after source offset p (spaces allowed), or 0. */
static size_t
percent_after(const ar_edoc *d, size_t i, size_t p)
{
	size_t		lim = i + 1 < d->n ? d->t[i + 1].start : d->len;

	while (p < lim && d->s[p] == ' ')
		p++;
	if (p < lim && d->s[p] == '%')
		return p + 1;
	if (p + 1 < lim && (unsigned char) d->s[p] == 0xD9 && (unsigned char) d->s[p + 1] == 0xAA)
		return p + 2;
	return 0;
}

int
ar_numbers_match(const ar_edoc *d, size_t i, ar_match *m)
{
	const ar_etok *t = &d->t[i];
	size_t		n,
				j = i + 1,
				end = tok_end(d, i),
				start = t->start,
				pe;
	const char *code = NULL;

	if (t->type != AR_T_NUMBER)
		return 0;
	if (t->key_len > 64)
	{
		/* surely not an amount: pass the digits through */
		m->type = AR_E_NUMBER;
		m->first = i;
		m->last = i + 1;
		m->start = start;
		m->end = end;
		m->norm = ar_edoc_key(d, i);
		m->norm_len = t->key_len;
		return 1;
	}
	n = number_digits(ar_edoc_key(d, i), t->key_len, m->buf, 80);
	if (n == 0)
		return 0;
	if ((pe = percent_after(d, i, end)) != 0)
	{
		m->buf[n++] = '%';
		m->buf[n] = '\0';
		set_norm(m, AR_E_PERCENT, i, i + 1, start, pe);
		return 1;
	}
	if (j < d->n && !d->t[j].punct && ar_edoc_is(d, j, AR_W_SCALE) &&
		d->t[j].cl_src == 0)
	{
		scale_digits(m->buf, &n, 100, ar_edoc_wval(d, j));
		end = tok_end(d, j);
		j++;
	}
	m->buf[n] = '\0';
	code = symbol_before(d, i, &start);
	if (code == NULL)
		start = t->start;
	if (j < d->n && !d->t[j].punct && ar_edoc_is(d, j, AR_W_CURRENCY))
	{
		int			cur = ar_edoc_wval(d, j);

		code = cur > 0 && cur < (int) (sizeof(currency_default) / sizeof(currency_default[0]))
			? currency_default[cur] : "XXX";
		end = tok_end(d, j);
		j++;
		if (j < d->n && !d->t[j].punct)
		{
			const char *q = qualifier_code(d, j);

			if (q)
			{
				code = q;
				end = tok_end(d, j);
				j++;
			}
		}
	}
	if (code)
	{
		snprintf(m->buf + n, sizeof(m->buf) - n, " %s", code);
		set_norm(m, AR_E_MONEY, i, j, start, end);
		return 1;
	}
	if (j < d->n && !d->t[j].punct && ar_edoc_is(d, j, AR_W_PERCENT))
	{
		/* بالمئة: one word, its ب a clitic but part of the expression */
		strcat(m->buf, "%");
		set_norm(m, AR_E_PERCENT, i, j + 1, start, tok_end(d, j));
		return 1;
	}
	if (j + 1 < d->n && !d->t[j].punct && !d->t[j + 1].punct &&
		d->t[j].key_len == 4 && memcmp(ar_edoc_key(d, j), "\xd9\x81\xd9\x8a", 4) == 0 &&
		ar_edoc_is(d, j + 1, AR_W_PERCENT))
	{
		strcat(m->buf, "%");
		set_norm(m, AR_E_PERCENT, i, j + 2, start, tok_end(d, j + 1));
		return 1;
	}
	set_norm(m, AR_E_NUMBER, i, j, start, end);
	return 1;
}
