/*
 * fuzz_entities.c
 *	  libFuzzer target of the entity engine, with a small gazetteer built once
 *	  (every row type) and without one.
 *
 * First byte: bit 0 uses the built-in lexicon alone, bits 1..3 stop the run
 * after that many entities (0: never), bits 4..7 all set pass no gazetteer
 * (the engine then builds its own each call, too slow to do every time).
 * The rest is the text.
 */
#define FUZZ_OWN_INIT			/* builds a gazetteer too */
#include "entity_check.h"

static ar_gaz *gaz;
static ar_gaz *lexicon_only;

static const struct
{
	const char *name;
	ar_etype	type;
	const char *canonical;
}			rows[] =
{
	{"محمد بن سلمان", AR_E_PERSON, NULL},
	{"الإنتربول", AR_E_ORGANIZATION, "الإنتربول"},
	{"Interpol", AR_E_ORGANIZATION, "الإنتربول"},
	{"المرصد المغربي لمكافحة الابتزاز", AR_E_ORGANIZATION, "OMSAC"},
	{"OMSAC", AR_E_ORGANIZATION, "OMSAC"},
	{"الأمم المتحدة", AR_E_ORGANIZATION, NULL},
	{"الدار البيضاء", AR_E_LOCATION, NULL},
	{"المغرب", AR_E_LOCATION, NULL},
	{"لبنان", AR_E_LOCATION, NULL},
	{"مغربي", AR_E_NATIONALITY, "المغرب"},
	{"محمد", AR_G_GIVEN_NAME, NULL},
	{"الرئيس", AR_G_TITLE, NULL},
	{"وزير الخارجية", AR_G_TITLE, NULL},
	{"وزارة", AR_G_ORG_HEAD, NULL},
	{"مدينة", AR_G_LOC_HEAD, NULL},
};

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	size_t		i;

	fuzz_init();
	gaz = ar_gaz_new();
	if (gaz == NULL)
		abort();
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		if (ar_gaz_add(gaz, rows[i].name, strlen(rows[i].name), rows[i].type,
					   rows[i].canonical,
					   rows[i].canonical ? strlen(rows[i].canonical) : 0) != 0)
		{
			fprintf(stderr, "gazetteer row %zu rejected\n", i);
			abort();
		}
	if (ar_gaz_build(gaz) != 0)
		abort();
	lexicon_only = ar_gaz_new();
	if (lexicon_only == NULL || ar_gaz_build(lexicon_only) != 0)
		abort();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const ar_gaz *g;

	if (size == 0)
		return 0;
	g = (data[0] & 1) ? lexicon_only : gaz;
	if ((data[0] & 0xF0) == 0xF0)
		g = NULL;
	entity_run(g, (const char *) data + 1, size - 1, (data[0] >> 1) & 7);
	return 0;
}
