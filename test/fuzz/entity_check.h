/*
 * entity_check.h
 *	  The callback of the entity fuzz targets: checks every span the engine
 *	  emits (inside the input, ordered, disjoint, on character boundaries).
 */
#ifndef AR_FUZZ_ENTITY_CHECK_H
#define AR_FUZZ_ENTITY_CHECK_H

#include "fuzz_common.h"
#include "ar_entities.h"

typedef struct entity_check
{
	const char *s;
	size_t		len;
	int			valid;			/* input is valid UTF-8 */
	size_t		prev_end;
	size_t		count;
	size_t		stop_after;		/* 0: never stop the run */
	unsigned	sum;			/* reads every byte of norm, for ASan */
} entity_check;

#define ENTITY_STOP 7

static int
entity_cb(void *arg, ar_etype type, size_t start, size_t len,
		  const char *norm, size_t norm_len)
{
	entity_check *c = arg;
	size_t		i;

	if (type == AR_E_PROGRESS)
	{
		/* progress reports: never past the input, never backwards */
		FUZZ_CHECK(start <= c->len && len == 0 && norm == NULL, "bad progress report");
		return 0;
	}
	FUZZ_CHECK((int) type >= AR_E_PERSON && (int) type <= AR_E_MAX,
			   "emitted a type that is not an entity type");
	FUZZ_CHECK(ar_etype_name(type) != NULL, "entity type without a name");
	FUZZ_CHECK(len > 0, "empty entity");
	FUZZ_CHECK(start <= c->len && len <= c->len - start, "entity past the input");
	FUZZ_CHECK(start >= c->prev_end, "entities out of order or overlapping");
	FUZZ_CHECK(norm != NULL && norm_len > 0, "NULL or empty normalized value");
	for (i = 0; i < norm_len; i++)
		c->sum += (unsigned char) norm[i];
	if (c->valid)
	{
		FUZZ_CHECK(fuzz_char_boundary(c->s, c->len, start) &&
				   fuzz_char_boundary(c->s, c->len, start + len),
				   "entity boundary inside a character");
		FUZZ_CHECK(fuzz_valid_utf8(norm, norm_len),
				   "normalized value of valid input is invalid UTF-8");
	}
	c->prev_end = start + len;
	if (++c->count == c->stop_after)
		return ENTITY_STOP;
	return 0;
}

/* Run the engine on s with the callback above; check the return value. */
static void
entity_run(const ar_gaz *g, const char *s, size_t len, size_t stop_after)
{
	entity_check c;
	int			rc;

	memset(&c, 0, sizeof(c));
	c.s = s;
	c.len = len;
	c.valid = fuzz_valid_utf8(s, len);
	c.stop_after = stop_after;
	rc = ar_entities_run(g, s, len, entity_cb, &c);
	if (stop_after > 0 && c.count == stop_after)
		FUZZ_CHECK(rc == ENTITY_STOP, "callback's stop value not returned");
	else
		FUZZ_CHECK(rc == 0, "run failed or stopped on its own");
}

#endif							/* AR_FUZZ_ENTITY_CHECK_H */
