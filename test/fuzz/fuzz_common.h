/*
 * fuzz_common.h
 *	  Shared by the libFuzzer targets of the core: one-time initialization,
 *	  invariant checks that abort (so libFuzzer keeps the input), UTF-8 oracles.
 *
 * The oracles are written here, independently of ar_utf8.h, so that a bug in
 * the core's decoder cannot hide itself.
 */
#ifndef AR_FUZZ_COMMON_H
#define AR_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ar_normalize.h"

/* Report a broken invariant and abort: libFuzzer saves the input as a crash. */
#define FUZZ_CHECK(cond, what) \
	do { \
		if (!(cond)) { \
			fprintf(stderr, "\ninvariant broken at %s:%d: %s (%s)\n", \
					__FILE__, __LINE__, (what), #cond); \
			abort(); \
		} \
	} while (0)

static inline void
fuzz_init(void)
{
	if (ar_normalize_init() != 0)
	{
		fprintf(stderr, "ar_normalize_init failed\n");
		abort();
	}
}

/*
 * Each target is its own program including this header once: the entry
 * points are declared here, and the default initialization builds the
 * core's tables.  A target that sets up more (a gazetteer) defines
 * FUZZ_OWN_INIT and its own LLVMFuzzerInitialize calling fuzz_init().
 */
int			LLVMFuzzerInitialize(int *argc, char ***argv);
int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#ifndef FUZZ_OWN_INIT
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_init();
	return 0;
}
#endif

/*
 * A buffer of exactly n bytes (at least one, malloc(0) may return NULL), so
 * that AddressSanitizer flags a write one byte past the promised capacity.
 */
static inline void *
fuzz_alloc(size_t n)
{
	void	   *p = malloc(n ? n : 1);

	if (p == NULL)
		abort();
	return p;
}

/* Strict UTF-8 (RFC 3629: no overlongs, no surrogates, <= U+10FFFF). */
static inline int
fuzz_valid_utf8(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *) str;
	size_t		i = 0;

	while (i < len)
	{
		unsigned char c = s[i];
		size_t		n,
					k;
		unsigned char lo = 0x80,
					hi = 0xBF;

		if (c < 0x80)
		{
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			n = 2;
		else if (c >= 0xE0 && c <= 0xEF)
		{
			n = 3;
			if (c == 0xE0)
				lo = 0xA0;
			else if (c == 0xED)
				hi = 0x9F;
		}
		else if (c >= 0xF0 && c <= 0xF4)
		{
			n = 4;
			if (c == 0xF0)
				lo = 0x90;
			else if (c == 0xF4)
				hi = 0x8F;
		}
		else
			return 0;
		if (len - i < n || s[i + 1] < lo || s[i + 1] > hi)
			return 0;
		for (k = 2; k < n; k++)
			if ((s[i + k] & 0xC0) != 0x80)
				return 0;
		i += n;
	}
	return 1;
}

/* In valid UTF-8, is byte offset off the start of a character (or the end)? */
static inline int
fuzz_char_boundary(const char *s, size_t len, size_t off)
{
	return off == len || (off < len && ((unsigned char) s[off] & 0xC0) != 0x80);
}

/* Decode valid-or-not UTF-8 into code points, invalid bytes as U+FFFD. */
static inline size_t
fuzz_decode(const char *str, size_t len, uint32_t *out)
{
	const unsigned char *s = (const unsigned char *) str;
	size_t		i = 0,
				n = 0;

	while (i < len)
	{
		unsigned char c = s[i];
		size_t		k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
		uint32_t	cp;

		if (c < 0x80)
			cp = c;
		else if (k <= len - i && fuzz_valid_utf8(str + i, k))
		{
			cp = k == 2 ? (uint32_t) (c & 0x1F) : k == 3 ? (uint32_t) (c & 0x0F) :
				(uint32_t) (c & 0x07);
			for (size_t j = 1; j < k; j++)
				cp = (cp << 6) | (s[i + j] & 0x3F);
		}
		else
		{
			cp = 0xFFFD;
			k = 1;
		}
		out[n++] = cp;
		i += k;
	}
	return n;
}

/*
 * Letters of the "search" alphabet (ا ب ت ... ي, hamza) and a few others, so
 * that the stemmer targets reach their deep paths from arbitrary bytes.
 */
static const uint32_t fuzz_letters[32] = {
	0x0627, 0x0628, 0x062A, 0x062B, 0x062C, 0x062D, 0x062E, 0x062F,
	0x0630, 0x0631, 0x0632, 0x0633, 0x0634, 0x0635, 0x0636, 0x0637,
	0x0638, 0x0639, 0x063A, 0x0641, 0x0642, 0x0643, 0x0644, 0x0645,
	0x0646, 0x0647, 0x0648, 0x064A, 0x0621, 0x0629, 0x0640, 'a'
};

/* One code point per byte: mostly Arabic letters, the rest of the bytes as is. */
static inline size_t
fuzz_map_letters(const uint8_t *data, size_t size, uint32_t *out)
{
	size_t		i;

	for (i = 0; i < size; i++)
		out[i] = data[i] < 0xE0 ? fuzz_letters[data[i] & 31] : data[i];
	return size;
}

#endif							/* AR_FUZZ_COMMON_H */
