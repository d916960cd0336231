/*
 * ar_utf8.c
 *	  Out-of-line UTF-8 helpers (the decoder itself is inline in ar_utf8.h).
 */
#include "ar_utf8.h"

size_t
ar_utf8_count(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *) s;
	size_t		i = 0,
				n = 0;
	int			nb;

	while (i < len)
	{
		if (p[i] < 0x80)
			i++;
		else
		{
			(void) ar_utf8_decode(p + i, len - i, &nb);
			i += nb;
		}
		n++;
	}
	return n;
}
