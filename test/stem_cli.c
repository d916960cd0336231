/*
 * stem_cli.c
 *	  Stems one word per line from stdin (UTF-8), for offline measurement.
 *
 * Each line goes through the same steps as the ar_stem dictionary: the
 * "search" normalization profile, the stopword list (--stop FILE: a stopword,
 * or و/ف + a stopword that is no word of its own, prints an empty line, as
 * ts_lexize returns no lexeme), then ar_stem_utf8_hinted (with the hints
 * read from the word as written) for Arabic words and lowercasing for the
 * rest.  --root selects root mode, --none only normalizes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ar_normalize.h"
#include "ar_stem.h"

static char **stops;
static size_t nstops;

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/* Read a stopword file, one word per line, normalized like the input. */
static int
read_stops(const char *path)
{
	FILE	   *f = fopen(path, "r");
	char		line[1024];
	size_t		cap = 0;

	if (f == NULL)
		return -1;
	while (fgets(line, sizeof(line), f) != NULL)
	{
		size_t		len = strcspn(line, "\r\n");
		char	   *w;

		if (len == 0)
			continue;
		if (nstops == cap)
		{
			cap = cap ? cap * 2 : 256;
			if ((stops = realloc(stops, cap * sizeof(char *))) == NULL)
				return -1;
		}
		if ((w = malloc(ar_normalize_bound(line, len, AR_N_PROFILE_SEARCH) + 1)) == NULL)
			return -1;
		w[ar_normalize(line, len, AR_N_PROFILE_SEARCH, w)] = '\0';
		stops[nstops++] = w;
	}
	fclose(f);
	qsort(stops, nstops, sizeof(char *), cmpstr);
	return 0;
}

/*
 * As the dictionary does: و or ف + a stopword is a stopword, unless the
 * whole is a word of its own (فهم, وهم).
 */
static int
is_conj_stopword(const char *norm, size_t n)
{
	const char *rest = norm + 2;

	if (n <= 2 || (unsigned char) norm[0] != 0xD9 ||
		((unsigned char) norm[1] != 0x88 && (unsigned char) norm[1] != 0x81))
		return 0;
	return bsearch(&rest, stops, nstops, sizeof(char *), cmpstr) != NULL &&
		!ar_stem_native_utf8(norm, n);
}

/* Only basic Arabic letters: the tokens the dictionary stems. */
static int
arabic_only(const char *s, size_t len)
{
	size_t		i;

	for (i = 0; i + 1 < len; i += 2)
	{
		unsigned	c = ((unsigned char) s[i] << 8) | (unsigned char) s[i + 1];

		/* U+0621..U+064A without tatweel, as UTF-8 byte pairs */
		if (!((c >= 0xD8A1 && c <= 0xD8BA) || (c >= 0xD981 && c <= 0xD98A)))
			return 0;
	}
	return len > 0 && i == len;
}

int
main(int argc, char **argv)
{
	ar_stem_mode mode = AR_STEM_LIGHT;
	char	   *line = NULL;
	size_t		cap = 0;
	char	   *norm = NULL;
	char	   *stem = NULL;
	size_t		bufcap = 0;
	int			i;

	for (i = 1; i < argc; i++)
	{
		if (strcmp(argv[i], "--root") == 0)
			mode = AR_STEM_ROOT;
		else if (strcmp(argv[i], "--none") == 0)
			mode = AR_STEM_NONE;
		else if (strcmp(argv[i], "--stop") == 0 && i + 1 < argc)
		{
			if (read_stops(argv[++i]) != 0)
			{
				fprintf(stderr, "%s: could not read \"%s\"\n", argv[0], argv[i]);
				return 1;
			}
		}
		else
		{
			fprintf(stderr, "usage: %s [--root | --none] [--stop FILE] < words\n",
					argv[0]);
			return 2;
		}
	}
	if (ar_normalize_init() != 0)
	{
		fprintf(stderr, "%s: could not initialize the normalizer\n", argv[0]);
		return 1;
	}
	for (;;)
	{
		size_t		len = 0;
		size_t		need;
		size_t		n;
		int			c;

		/* read one line by hand: getline() is not C99 */
		while ((c = getchar()) != EOF && c != '\n')
		{
			if (len + 1 >= cap)
			{
				cap = cap ? cap * 2 : 256;
				if ((line = realloc(line, cap)) == NULL)
					return 1;
			}
			line[len++] = (char) c;
		}
		if (c == EOF && len == 0)
			break;
		if (len > 0 && line[len - 1] == '\r')
			len--;
		need = 2 * ar_normalize_bound(line, len, AR_N_PROFILE_SEARCH) + 1;
		if (need > bufcap)
		{
			bufcap = need;
			if ((norm = realloc(norm, bufcap)) == NULL ||
				(stem = realloc(stem, bufcap)) == NULL)
				return 1;
		}
		n = len ? ar_normalize(line, len, AR_N_PROFILE_SEARCH, norm) : 0;
		norm[n] = '\0';
		if (nstops > 0 && bsearch(&norm, stops, nstops, sizeof(char *), cmpstr))
			n = 0;
		else if (nstops > 0 && is_conj_stopword(norm, n))
			n = 0;
		else if (mode != AR_STEM_NONE && n <= AR_STEM_MAX_BYTES &&
				 arabic_only(norm, n))
			n = ar_stem_utf8_hinted(norm, n, stem, mode,
									ar_stem_hints(line, len));
		else
			n = ar_normalize_lower(norm, n, stem);
		fwrite(stem, 1, n, stdout);
		putchar('\n');
		if (c == EOF)
			break;
	}
	free(line);
	free(norm);
	free(stem);
	return 0;
}
