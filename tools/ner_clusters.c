/*
 * ner_clusters.c
 *	  Word clusters for the entity tagger, learned from unlabelled text with
 *	  the predictive exchange algorithm (Uszkoreit & Brants, ACL 2008; the
 *	  one-sided variant of Kneser & Ney's and Och's exchange clustering).
 *
 * Words are the entity engine's own lookup keys (ar_tok_next tokens, folded
 * by ar_gaz_key), so the keys seen here are those looked up at run time.
 * Punctuation, numbers and paragraph breaks become the pseudo-words <p>, <n>
 * and <s>: they are contexts, never written out.
 *
 * The model is P(w_i | class(w_{i-1})): a word's class is chosen by the
 * words that follow it.  Its log-likelihood, up to constants, is
 *   sum over classes c and words w of f(N(c,w))  -  sum over c of f(N(c))
 * with f(x) = x log x, N(c,w) the count of w after a word of class c and
 * N(c) the count of words of class c followed by anything.  Each pass moves
 * every word, most frequent first, to the class that raises it most.  One
 * thread, fixed initialization and order: the output is byte-identical on
 * every run.  Four clusterings are learned: a coarse and a fine one by the
 * words that follow (right contexts), the same by the words that precede
 * (the model run over the reversed text, left contexts); each word is
 * written with its four cluster numbers.
 *
 * usage: ner_clusters [--min-count N] [--coarse C] [--fine C] [--iters N]
 *                     [--tsv FILE]... [--text FILE]... > clusters.tsv
 *   --tsv:  PostgreSQL COPY text with a header line; the last two columns
 *           (title, body) are read (the ANT corpus' articles.tsv)
 *   --text: plain text, one paragraph a line
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ar_chars.h"
#include "ar_gazetteer.h"
#include "ar_normalize.h"
#include "ar_tokenize.h"
#include "ar_utf8.h"

/* ---- vocabulary: an open-addressing table of keys ---- */

typedef struct word
{
	char	   *key;
	size_t		len;
	long		count;
	int			special;		/* a pseudo-word: context only */
} word;

static word *words;
static size_t nwords,
			words_cap;
static int32_t *slots;			/* index+1 into words, 0 empty */
static size_t nslots;

static int32_t *seq;			/* the text as word indexes */
static size_t nseq,
			seq_cap;

static void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n);
	if (p == NULL)
	{
		fprintf(stderr, "ner_clusters: out of memory\n");
		exit(1);
	}
	return p;
}

static uint64_t
hash_bytes(const char *s, size_t n)
{
	uint64_t	h = UINT64_C(0xcbf29ce484222325);

	while (n--)
	{
		h ^= (unsigned char) *s++;
		h *= UINT64_C(0x100000001b3);
	}
	return h;
}

static void
rehash(void)
{
	size_t		i,
				ns = nslots ? nslots * 2 : 1 << 16;
	int32_t    *s = xrealloc(NULL, ns * sizeof(int32_t));

	memset(s, 0, ns * sizeof(int32_t));
	for (i = 0; i < nwords; i++)
	{
		size_t		p = hash_bytes(words[i].key, words[i].len) & (ns - 1);

		while (s[p])
			p = (p + 1) & (ns - 1);
		s[p] = (int32_t) i + 1;
	}
	free(slots);
	slots = s;
	nslots = ns;
}

static int32_t
intern(const char *k, size_t n, int special)
{
	size_t		p;

	if ((nwords + 1) * 2 > nslots)
		rehash();
	p = hash_bytes(k, n) & (nslots - 1);
	while (slots[p])
	{
		word	   *w = &words[slots[p] - 1];

		if (w->len == n && memcmp(w->key, k, n) == 0)
			return slots[p] - 1;
		p = (p + 1) & (nslots - 1);
	}
	if (nwords == words_cap)
	{
		words_cap = words_cap ? words_cap * 2 : 1 << 15;
		words = xrealloc(words, words_cap * sizeof(word));
	}
	words[nwords].key = xrealloc(NULL, n + 1);
	memcpy(words[nwords].key, k, n);
	words[nwords].key[n] = '\0';
	words[nwords].len = n;
	words[nwords].count = 0;
	words[nwords].special = special;
	slots[p] = (int32_t) nwords + 1;
	return (int32_t) nwords++;
}

static void
push(int32_t w)
{
	if (nseq == seq_cap)
	{
		seq_cap = seq_cap ? seq_cap * 2 : 1 << 20;
		seq = xrealloc(seq, seq_cap * sizeof(int32_t));
	}
	seq[nseq++] = w;
	words[w].count++;
}

static int32_t W_PUNCT,
			W_NUM,
			W_BREAK;

static int
has_punct(const char *s, size_t len)
{
	size_t		p = 0;
	int			nb;

	while (p < len)
	{
		ar_cclass	c = ar_char_class(ar_utf8_decode((const unsigned char *) s + p, len - p, &nb));

		if (c != AR_C_SPACE && c != AR_C_FORMAT && c != AR_C_JOINER)
			return 1;
		p += (size_t) nb;
	}
	return 0;
}

/* Tokenize one paragraph into the sequence, then a break. */
static void
add_text(const char *s, size_t len)
{
	ar_tokenizer tz;
	ar_token	tok;
	static char *key;
	static size_t key_cap;

	ar_tok_init(&tz, s, len);
	while (ar_tok_next(&tz, &tok) != AR_T_END)
	{
		switch (tok.type)
		{
			case AR_T_ARABIC:
			case AR_T_WORD:
				{
					size_t		bound = ar_normalize_bound(s + tok.start, tok.len,
														   AR_N_PROFILE_SEARCH) + 8,
								n;

					if (bound > key_cap)
					{
						key_cap = bound * 2;
						key = xrealloc(key, key_cap);
					}
					n = ar_gaz_key(s + tok.start, tok.len, key);
					if (n > 0)
						push(intern(key, n, 0));
					break;
				}
			case AR_T_NUMBER:
			case AR_T_NUMWORD:
				push(W_NUM);
				break;
			case AR_T_BLANK:
				if (has_punct(s + tok.start, tok.len))
					push(W_PUNCT);
				break;
			default:
				push(W_PUNCT);
				break;
		}
	}
	push(W_BREAK);
}

/* Undo COPY text escapes in place; \n splits paragraphs (handled by caller). */
static void
add_copy_field(char *f, size_t n)
{
	size_t		i,
				o = 0,
				para = 0;

	for (i = 0; i < n; i++)
	{
		if (f[i] == '\\' && i + 1 < n)
		{
			char		c = f[++i];

			if (c == 'n' || c == 'r')
			{
				add_text(f + para, o - para);
				para = o;
				continue;
			}
			f[o++] = c == 't' ? ' ' : c;
		}
		else
			f[o++] = f[i];
	}
	add_text(f + para, o - para);
}

static void
read_file(const char *path, int tsv)
{
	FILE	   *fp = fopen(path, "rb");
	char	   *line = NULL;
	size_t		cap = 0;
	ssize_t		n;
	long		lineno = 0;

	if (fp == NULL)
	{
		perror(path);
		exit(1);
	}
	while ((n = getline(&line, &cap, fp)) > 0)
	{
		lineno++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (!tsv)
		{
			add_text(line, (size_t) n);
			continue;
		}
		if (lineno == 1)
			continue;			/* header */
		{
			/* the last two columns: title, body */
			char	   *body = strrchr(line, '\t'),
					   *title;

			if (body == NULL)
				continue;
			*body++ = '\0';
			title = strrchr(line, '\t');
			title = title ? title + 1 : line;
			add_copy_field(title, strlen(title));
			add_copy_field(body, strlen(body));
		}
	}
	free(line);
	fclose(fp);
}

/* ---- the exchange algorithm ---- */

static double *flog;			/* f(x) = x log x for x < nflog */
static size_t nflog;

static inline double
F(long x)
{
	return (size_t) x < nflog ? flog[x] : (double) x * log((double) x);
}

typedef struct succ
{
	int32_t		w;				/* following word (vocabulary index) */
	int32_t		n;
} succ;

/*
 * Cluster the nv words with vocabulary index < nv (the rest map to the
 * "rare" pseudo-word nv - 1, already folded into the counts) into C classes.
 */
static void
exchange(int nv, const long *succ_off, const succ *sc, const long *npred,
		 int C, int iters, int *cls)
{
	int32_t    *N = xrealloc(NULL, (size_t) nv * C * sizeof(int32_t));	/* [w][c] */
	long	   *Nc = xrealloc(NULL, C * sizeof(long));
	double	   *gain = xrealloc(NULL, C * sizeof(double));
	int			v,
				c,
				it;

	for (v = 0; v < nv; v++)
		cls[v] = v % C;			/* words come most frequent first */
	memset(N, 0, (size_t) nv * C * sizeof(int32_t));
	memset(Nc, 0, C * sizeof(long));
	for (v = 0; v < nv; v++)
	{
		long		k;

		Nc[cls[v]] += npred[v];
		for (k = succ_off[v]; k < succ_off[v + 1]; k++)
			N[(size_t) sc[k].w * C + cls[v]] += sc[k].n;
	}
	for (it = 0; it < iters; it++)
	{
		long		moved = 0;
		double		ll = 0;

		for (v = 0; v < nv; v++)
		{
			int			a = cls[v],
						best;
			long		k;

			if (npred[v] == 0)
				continue;
			/* take v out of its class */
			for (k = succ_off[v]; k < succ_off[v + 1]; k++)
				N[(size_t) sc[k].w * C + a] -= sc[k].n;
			Nc[a] -= npred[v];
			for (c = 0; c < C; c++)
				gain[c] = F(Nc[c]) - F(Nc[c] + npred[v]);
			for (k = succ_off[v]; k < succ_off[v + 1]; k++)
			{
				const int32_t *row = N + (size_t) sc[k].w * C;
				long		n = sc[k].n;

				for (c = 0; c < C; c++)
					gain[c] += F(row[c] + n) - F(row[c]);
			}
			best = a;
			for (c = 0; c < C; c++)
				if (gain[c] > gain[best] + 1e-9)
					best = c;
			if (best != a)
				moved++;
			cls[v] = best;
			for (k = succ_off[v]; k < succ_off[v + 1]; k++)
				N[(size_t) sc[k].w * C + best] += sc[k].n;
			Nc[best] += npred[v];
		}
		for (c = 0; c < C; c++)
			ll -= F(Nc[c]);
		for (v = 0; v < nv; v++)
			for (c = 0; c < C; c++)
				ll += F(N[(size_t) v * C + c]);
		fprintf(stderr, "  C=%d pass %d: %ld words moved, objective %.6e\n", C, it + 1, moved, ll);
		if (moved * 1000 < nv)
			break;
	}
	free(N);
	free(Nc);
	free(gain);
}

static int	cmp_succ(const void *a, const void *b);

/*
 * Context lists of the nv words: for dir 0 the words that follow each word
 * (counted (v, w) bigrams, v's own class predicting w), for dir 1 those that
 * precede it (the same model over the reversed text).  *npred: how often
 * each word has a context.
 */
static void
context_lists(int nv, const int32_t *remap, int dir, long **offp, succ **scp, long **npredp)
{
	int64_t    *pairs = xrealloc(NULL, (nseq > 1 ? nseq - 1 : 1) * sizeof(int64_t));
	long		np = nseq > 1 ? (long) nseq - 1 : 0,
				ns = 0,
				k,
			   *off = xrealloc(NULL, (nv + 1) * sizeof(long)),
			   *npred = xrealloc(NULL, nv * sizeof(long));
	succ	   *sc = xrealloc(NULL, (size_t) (np ? np : 1) * sizeof(succ));
	int			v = 0;
	size_t		i;

	for (i = 0; i + 1 < nseq; i++)
	{
		int64_t		x = remap[seq[i]],
					y = remap[seq[i + 1]];

		pairs[i] = dir == 0 ? (x << 32 | y) : (y << 32 | x);
	}
	qsort(pairs, (size_t) np, sizeof(int64_t), cmp_succ);
	memset(npred, 0, nv * sizeof(long));
	off[0] = 0;
	for (k = 0; k < np; k++)
	{
		int			pv = (int) (pairs[k] >> 32),
					pw = (int) (pairs[k] & 0xffffffff);

		while (v < pv)
			off[++v] = ns;
		if (ns > off[v] && sc[ns - 1].w == pw)
			sc[ns - 1].n++;
		else
		{
			sc[ns].w = pw;
			sc[ns].n = 1;
			ns++;
		}
		npred[pv]++;
	}
	while (v < nv)
		off[++v] = ns;
	fprintf(stderr, "%s: %ld distinct bigrams\n", dir ? "left contexts" : "right contexts", ns);
	free(pairs);
	*offp = off;
	*scp = sc;
	*npredp = npred;
}

static int
cmp_count(const void *a, const void *b)
{
	const word *x = a,
			   *y = b;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	return memcmp(x->key, y->key, x->len);
}

static int
cmp_key(const void *a, const void *b)
{
	const word *x = *(const word *const *) a,
			   *y = *(const word *const *) b;
	size_t		n = x->len < y->len ? x->len : y->len;
	int			r = memcmp(x->key, y->key, n);

	return r ? r : (x->len < y->len ? -1 : x->len > y->len);
}

static int
cmp_succ(const void *a, const void *b)
{
	const int64_t *x = a,
			   *y = b;

	return *x < *y ? -1 : *x > *y;
}

int
main(int argc, char **argv)
{
	int			min_count = 3,
				coarse = 64,
				fine = 512,
				iters = 15,
				a,
				nv,
				rare;
	int32_t    *remap;
	int		   *cl[4],
				dir;
	word	  **out;
	size_t		i,
				nout;
	clock_t		t0 = clock();

	W_PUNCT = intern("<p>", 3, 1);
	W_NUM = intern("<n>", 3, 1);
	W_BREAK = intern("<s>", 3, 1);
	for (a = 1; a < argc; a++)
	{
		if (strcmp(argv[a], "--min-count") == 0 && a + 1 < argc)
			min_count = atoi(argv[++a]);
		else if (strcmp(argv[a], "--coarse") == 0 && a + 1 < argc)
			coarse = atoi(argv[++a]);
		else if (strcmp(argv[a], "--fine") == 0 && a + 1 < argc)
			fine = atoi(argv[++a]);
		else if (strcmp(argv[a], "--iters") == 0 && a + 1 < argc)
			iters = atoi(argv[++a]);
		else if (strcmp(argv[a], "--tsv") == 0 && a + 1 < argc)
			read_file(argv[++a], 1);
		else if (strcmp(argv[a], "--text") == 0 && a + 1 < argc)
			read_file(argv[++a], 0);
		else
		{
			fprintf(stderr, "usage: ner_clusters [--min-count N] [--coarse C] [--fine C] [--iters N] [--tsv FILE]... [--text FILE]...\n");
			return 2;
		}
	}
	if (coarse < 2 || fine < 2 || min_count < 1 || nseq == 0)
	{
		fprintf(stderr, "ner_clusters: no text, or a bad option\n");
		return 2;
	}

	/* vocabulary: most frequent first; the rare words become one */
	{
		word	   *sorted = xrealloc(NULL, nwords * sizeof(word));

		memcpy(sorted, words, nwords * sizeof(word));
		qsort(sorted, nwords, sizeof(word), cmp_count);
		remap = xrealloc(NULL, nwords * sizeof(int32_t));
		nv = 0;
		for (i = 0; i < nwords; i++)
			if (sorted[i].count >= min_count)
				nv++;
		rare = nv++;
		/* the table still indexes the old order: map old index to new */
		for (i = 0; i < nwords; i++)
		{
			int32_t		w = intern(sorted[i].key, sorted[i].len, 0);

			remap[w] = sorted[i].count >= min_count ? (int32_t) i : rare;
		}
		memcpy(words, sorted, nwords * sizeof(word));
		free(sorted);
	}
	fprintf(stderr, "%zu tokens, %zu types, %d clustered (count >= %d)\n",
			nseq, nwords, nv - 1, min_count);

	nflog = nseq + 2;
	flog = xrealloc(NULL, nflog * sizeof(double));
	flog[0] = 0;
	for (i = 1; i < nflog; i++)
		flog[i] = (double) i * log((double) i);

	for (dir = 0; dir < 2; dir++)
	{
		long	   *succ_off,
				   *npred;
		succ	   *sc;

		context_lists(nv, remap, dir, &succ_off, &sc, &npred);
		cl[2 * dir] = xrealloc(NULL, nv * sizeof(int));
		cl[2 * dir + 1] = xrealloc(NULL, nv * sizeof(int));
		exchange(nv, succ_off, sc, npred, coarse, iters, cl[2 * dir]);
		exchange(nv, succ_off, sc, npred, fine, iters, cl[2 * dir + 1]);
		free(succ_off);
		free(npred);
		free(sc);
	}

	/* words written by key: clusters are keyed by word at run time */
	out = xrealloc(NULL, nwords * sizeof(word *));
	nout = 0;
	for (i = 0; i < nwords; i++)
		if (!words[i].special && words[i].count >= min_count)
		{
			words[i].count = (long) i;	/* its vocabulary index */
			out[nout++] = &words[i];
		}
	qsort(out, nout, sizeof(word *), cmp_key);
	printf("# pg_arabic entity tagger: word clusters (tools/ner_clusters.c; do not edit).\n");
	printf("# Predictive exchange clustering, min_count=%d coarse=%d fine=%d, of %zu tokens\n",
		   min_count, coarse, fine, nseq);
	printf("# from:");
	for (a = 1; a < argc; a++)
		if (strcmp(argv[a], "--tsv") == 0 || strcmp(argv[a], "--text") == 0)
		{
			const char *base = strrchr(argv[a + 1], '/');

			printf(" %s", base ? base + 1 : argv[a + 1]);
		}
	printf("\n# Sources, licenses and attribution: data/NER_MODEL.md.\n");
	printf("ar_ner_clusters 2\n");
	for (i = 0; i < nout; i++)
		printf("%s\t%d\t%d\t%d\t%d\n", out[i]->key, cl[0][out[i]->count],
			   cl[1][out[i]->count], cl[2][out[i]->count], cl[3][out[i]->count]);
	fprintf(stderr, "%zu words written in %.1f s\n", nout,
			(double) (clock() - t0) / CLOCKS_PER_SEC);
	return 0;
}
