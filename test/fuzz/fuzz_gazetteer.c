/*
 * fuzz_gazetteer.c
 *	  libFuzzer target of gazetteer compilation from user rows (any bytes can
 *	  be stored in the ar_gazetteer table), then of the engine over it.
 *
 * The input is lines "T name<TAB>canonical": the first byte T of a line picks
 * the row type (including invalid ones).  Every row is added to a fresh
 * gazetteer, which is built and run over the whole input.
 */
#include "entity_check.h"

/* Row type from a byte: every accepted kind, some rejected ones. */
static ar_etype
row_type(uint8_t b)
{
	static const int kinds[] = {
		AR_E_PERSON, AR_E_ORGANIZATION, AR_E_LOCATION, AR_E_NATIONALITY,
		AR_G_GIVEN_NAME, AR_G_TITLE, AR_G_ORG_HEAD, AR_G_LOC_HEAD,
		AR_E_DATE, AR_E_URL, 0, 99
	};

	return (ar_etype) kinds[b % (sizeof(kinds) / sizeof(kinds[0]))];
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data;
	ar_gaz	   *g = ar_gaz_new();
	size_t		pos = 0,
				added = 0;

	if (g == NULL)
		abort();
	while (pos < size)
	{
		const char *line = s + pos,
				   *nl = memchr(line, '\n', size - pos),
				   *tab;
		size_t		len = nl ? (size_t) (nl - line) : size - pos;
		ar_etype	type;
		const char *name,
				   *canon = NULL;
		size_t		name_len,
					canon_len = 0;
		int			rc;

		pos += len + (nl != NULL);
		if (len == 0)
			continue;
		type = row_type((uint8_t) line[0]);
		name = line + 1;
		name_len = len - 1;
		tab = memchr(name, '\t', name_len);
		if (tab)
		{
			canon = tab + 1;
			canon_len = (size_t) (name + name_len - canon);
			name_len = (size_t) (tab - name);
		}
		rc = ar_gaz_add(g, name, name_len, type, canon, canon_len);
		FUZZ_CHECK(rc == 0 || rc == -1, "unexpected ar_gaz_add result");
		if (rc == 0)
			added++;
	}
	FUZZ_CHECK(ar_gaz_build(g) == 0, "build failed");
	FUZZ_CHECK(ar_gaz_count(g) <= added, "more names than rows added");
	/* adding after build is refused */
	FUZZ_CHECK(ar_gaz_add(g, "x", 1, AR_E_PERSON, NULL, 0) == -1,
			   "row added after build");
	entity_run(g, s, size, 0);
	ar_gaz_free(g);
	return 0;
}
