/*
 * gen_countries.c
 *	  Prints the Arabic CLDR display name of every ISO 3166 country known to
 *	  ICU, one "CODE<TAB>name" line each; tools/gen_gazetteer.py reads it.
 *
 * Build: cc tools/gen_countries.c -licuuc -o gen_countries
 */
#include <stdio.h>

#include <unicode/uloc.h>
#include <unicode/ustring.h>

int
main(void)
{
	const char *const *codes = uloc_getISOCountries();
	int			i;

	for (i = 0; codes[i] != NULL; i++)
	{
		char		locid[16];
		UChar		name[256];
		char		utf8[1024];
		UErrorCode	err = U_ZERO_ERROR;
		int32_t		n,
					m;

		snprintf(locid, sizeof(locid), "und_%s", codes[i]);
		n = uloc_getDisplayCountry(locid, "ar", name, 256, &err);
		if (U_FAILURE(err) || n <= 0)
			continue;
		err = U_ZERO_ERROR;
		u_strToUTF8(utf8, sizeof(utf8), &m, name, n, &err);
		if (U_FAILURE(err))
			continue;
		/* ICU echoes the code itself when CLDR has no Arabic name */
		if ((size_t) m == 2 && utf8[0] == codes[i][0] && utf8[1] == codes[i][1])
			continue;
		printf("%s\t%s\n", codes[i], utf8);
	}
	return 0;
}
