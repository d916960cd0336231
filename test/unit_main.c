/*
 * unit_main.c
 *	  Runs every registered core unit-test suite; closes with "N passed, N failed".
 */
#include <stdlib.h>

#include "unit.h"
#include "ar_normalize.h"

int			unit_passed;
int			unit_failed;

#define MAX_SUITES 64
static const char *suite_names[MAX_SUITES];
static unit_fn suite_fns[MAX_SUITES];
static int	nsuites;

void
unit_register(const char *name, unit_fn fn)
{
	if (nsuites == MAX_SUITES)
	{
		fprintf(stderr, "too many suites\n");
		exit(2);
	}
	suite_names[nsuites] = name;
	suite_fns[nsuites++] = fn;
}

int
main(int argc, char **argv)
{
	int			i;

	if (ar_normalize_init() != 0)
	{
		fprintf(stderr, "ar_normalize_init failed\n");
		return 2;
	}
	for (i = 0; i < nsuites; i++)
	{
		int			before = unit_failed;

		/* an argument selects suites by name */
		if (argc > 1 && strcmp(argv[1], suite_names[i]) != 0)
			continue;
		suite_fns[i] ();
		fprintf(stderr, "suite %-14s %s\n", suite_names[i],
				unit_failed == before ? "ok" : "FAILED");
	}
	printf("%d passed, %d failed\n", unit_passed, unit_failed);
	return unit_failed ? 1 : 0;
}
