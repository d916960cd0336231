/*
 * ar_utf8.h
 *	  Minimal, total UTF-8 decoding and encoding for the core.
 *
 * The core must accept any byte sequence (it is fuzzed): a byte that does not
 * start a well-formed sequence decodes as U+FFFD with length 1, so callers
 * always advance and never read past the end.
 */
#ifndef AR_UTF8_H
#define AR_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define AR_UTF8_BAD 0xFFFD

/* Decode the code point at s[0..len-1] (len >= 1); store its byte length. */
static inline uint32_t
ar_utf8_decode(const unsigned char *s, size_t len, int *nbytes)
{
	unsigned char c = s[0];
	uint32_t	cp;

	if (c < 0x80)
	{
		*nbytes = 1;
		return c;
	}
	if (c >= 0xC2 && c <= 0xDF && len >= 2 && (s[1] & 0xC0) == 0x80)
	{
		*nbytes = 2;
		return ((uint32_t) (c & 0x1F) << 6) | (s[1] & 0x3F);
	}
	if (c >= 0xE0 && c <= 0xEF && len >= 3 &&
		(s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80)
	{
		cp = ((uint32_t) (c & 0x0F) << 12) | ((uint32_t) (s[1] & 0x3F) << 6) | (s[2] & 0x3F);
		if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF))
		{
			*nbytes = 3;
			return cp;
		}
	}
	else if (c >= 0xF0 && c <= 0xF4 && len >= 4 && (s[1] & 0xC0) == 0x80 &&
			 (s[2] & 0xC0) == 0x80 && (s[3] & 0xC0) == 0x80)
	{
		cp = ((uint32_t) (c & 0x07) << 18) | ((uint32_t) (s[1] & 0x3F) << 12) |
			((uint32_t) (s[2] & 0x3F) << 6) | (s[3] & 0x3F);
		if (cp >= 0x10000 && cp <= 0x10FFFF)
		{
			*nbytes = 4;
			return cp;
		}
	}
	*nbytes = 1;
	return AR_UTF8_BAD;
}

/* Encode cp into out (room for 4 bytes); return the byte count. */
static inline int
ar_utf8_encode(uint32_t cp, unsigned char *out)
{
	if (cp < 0x80)
	{
		out[0] = (unsigned char) cp;
		return 1;
	}
	if (cp < 0x800)
	{
		out[0] = (unsigned char) (0xC0 | (cp >> 6));
		out[1] = (unsigned char) (0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000)
	{
		out[0] = (unsigned char) (0xE0 | (cp >> 12));
		out[1] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
		out[2] = (unsigned char) (0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (unsigned char) (0xF0 | (cp >> 18));
	out[1] = (unsigned char) (0x80 | ((cp >> 12) & 0x3F));
	out[2] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
	out[3] = (unsigned char) (0x80 | (cp & 0x3F));
	return 4;
}

/* Number of code points in s[0..len-1], counting each bad byte as one. */
size_t		ar_utf8_count(const char *s, size_t len);

#endif							/* AR_UTF8_H */
