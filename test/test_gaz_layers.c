/*
 * test_gaz_layers.c
 *	  Unit tests of the gazetteer calls the server glue uses to compile the
 *	  shipped rows once and users' rows apart: copy, remove, user-row check,
 *	  model swap.
 */
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "ar_entities.h"
#include "ar_gazetteer.h"
#include "ar_ner_model.h"

#define S(x) x, strlen(x)

/* Type and canonical of the first entity of s, "" if none. */
static char got_norm[256];
static ar_etype got_type;

static int
first(void *arg, ar_etype type, size_t start, size_t len, const char *norm, size_t nlen)
{
	if (type == AR_E_PROGRESS || got_type != 0)
		return 0;
	got_type = type;
	if (nlen >= sizeof(got_norm))
		nlen = sizeof(got_norm) - 1;
	memcpy(got_norm, norm ? norm : "", norm ? nlen : 0);
	got_norm[norm ? nlen : 0] = '\0';
	return 0;
}

static ar_etype
run1(const ar_gaz *g, const char *s)
{
	got_type = 0;
	got_norm[0] = '\0';
	ar_entities_run(g, s, strlen(s), first, NULL);
	return got_type;
}

UNIT_SUITE(gaz_layers)
{
	ar_gaz	   *base = ar_gaz_new(),
			   *c1,
			   *c2;

	CHECK(base != NULL);
	CHECK(ar_gaz_add_row(base, S("زنثارو"), AR_E_PERSON, S("Zentharo Canon"), 0) == 0);
	CHECK(ar_gaz_add_row(base, S("قلمارك"), AR_E_LOCATION, NULL, 0, 0) == 0);
	CHECK(ar_gaz_count(base) == 2);

	/* a copy of an unbuilt template takes rows; the template is unchanged */
	c1 = ar_gaz_copy(base);
	CHECK(c1 != NULL);
	CHECK(ar_gaz_model(c1) == NULL);
	CHECK(ar_gaz_is_user_row(c1, S("زنثارو")) == 0);
	CHECK(ar_gaz_add_row(c1, S("زنثارو"), AR_E_ORGANIZATION, S("Mine"), 1) == 0);
	CHECK(ar_gaz_is_user_row(c1, S("زنثارو")) == 1);
	CHECK(ar_gaz_is_user_row(c1, S("زَنثارو")) == 1);	/* normalized like a row */
	CHECK(ar_gaz_remove(c1, S("قلمارك")) == 0);
	CHECK(ar_gaz_remove(c1, S("never added")) == 0);
	CHECK(ar_gaz_count(c1) == 1);
	CHECK(ar_gaz_build(c1) == 0);
	CHECK(ar_gaz_build(base) == 0);
	CHECK(run1(c1, "قال زنثارو إن") == AR_E_ORGANIZATION);
	CHECK_STR(got_norm, "Mine");
	CHECK(run1(c1, "زار قلمارك أمس") == 0);
	CHECK(run1(base, "قال زنثارو إن") == AR_E_PERSON);
	CHECK_STR(got_norm, "Zentharo Canon");
	CHECK(run1(base, "زار قلمارك أمس") == AR_E_LOCATION);
	CHECK(ar_gaz_count(base) == 2);

	/* a copy of a built gazetteer takes rows again; removing after build fails */
	CHECK(ar_gaz_remove(c1, S("زنثارو")) == -1);
	c2 = ar_gaz_copy(c1);
	CHECK(c2 != NULL);
	CHECK(ar_gaz_add_row(c2, S("brindle"), AR_E_LOCATION, NULL, 0, 1) == 0);
	CHECK(ar_gaz_build(c2) == 0);
	CHECK(run1(c2, "زار brindle أمس") == AR_E_LOCATION);
	CHECK(run1(c1, "زار brindle أمس") == 0);
	CHECK(run1(c2, "قال زنثارو إن") == AR_E_ORGANIZATION);

	/* the model moves between gazetteers without being reloaded */
	CHECK(ar_gaz_swap_model(c2, NULL) == NULL);
	CHECK(ar_gaz_model(c2) == NULL);

	ar_gaz_free(c2);
	ar_gaz_free(c1);
	ar_gaz_free(base);
}
