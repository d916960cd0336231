/*
 * test_entities_progress.c
 *	  The entity engine reports progress by bytes of work, not only once per
 *	  window of tokens, so that one huge word can be cancelled; and it never
 *	  reports an entity whose normalized value is empty.
 */
#include <stdlib.h>

#include "unit.h"
#include "ar_entities.h"
#include "ar_tokenize.h"

#define STOP 9

typedef struct
{
	size_t		reports;
	size_t		last_pos;
	size_t		max_gap;
	size_t		entities;
	size_t		empty_norm;
	int			stop_at_progress;
	char		norm[64];
} seen;

static int
record(void *arg, ar_etype type, size_t start, size_t len, const char *norm, size_t nlen)
{
	seen	   *sn = arg;

	if (type == AR_E_PROGRESS)
	{
		if (start - sn->last_pos > sn->max_gap)
			sn->max_gap = start - sn->last_pos;
		sn->last_pos = start;
		sn->reports++;
		return sn->stop_at_progress ? STOP : 0;
	}
	sn->entities++;
	if (nlen == 0)
		sn->empty_norm++;
	else if (nlen < sizeof(sn->norm))
	{
		memcpy(sn->norm, norm, nlen);
		sn->norm[nlen] = '\0';
	}
	return 0;
}

UNIT_SUITE(entities_progress)
{
	size_t		word = AR_E_PROGRESS_BYTES + AR_E_PROGRESS_BYTES / 2,
				n = 0,
				i;
	char	   *s = malloc(3 * AR_E_PROGRESS_BYTES);
	seen		sn;
	int			rc;

	/* one word longer than AR_E_PROGRESS_BYTES, then a number */
	for (i = 0; i + 2 <= word; i += 2)
		memcpy(s + i, "\xD8\xA8", 2);	/* ب */
	n = i;
	memcpy(s + n, " 2023", 5);
	n += 5;
	memset(&sn, 0, sizeof(sn));
	sn.stop_at_progress = 1;
	rc = ar_entities_run(NULL, s, n, record, &sn);
	CHECK(rc == STOP);			/* stopped by the first report */
	CHECK(sn.reports == 1 && sn.entities == 0);
	/*
	 * ... inside the word: the tokenizer returns it in pieces of at most
	 * AR_TOK_MAX_BYTES, so the first report comes after about
	 * AR_E_PROGRESS_BYTES of it, not after the whole word
	 */
	CHECK(sn.last_pos < word);
	CHECK(sn.last_pos <= AR_E_PROGRESS_BYTES + AR_TOK_MAX_BYTES);
	/* not stopped: the run ends and finds the number */
	memset(&sn, 0, sizeof(sn));
	rc = ar_entities_run(NULL, s, n, record, &sn);
	CHECK(rc == 0 && sn.entities == 1 && sn.reports >= 1);
	CHECK(sn.max_gap <= AR_E_PROGRESS_BYTES + AR_TOK_MAX_BYTES);

	/* fewer words than a window, each 16 kB: reports come every megabyte or so */
	n = 0;
	while (n + 16 * 1024 + 1 <= 2 * AR_E_PROGRESS_BYTES + AR_E_PROGRESS_BYTES / 2)
	{
		for (i = 0; i < 8 * 1024; i++)
			memcpy(s + n + 2 * i, "\xD9\x83", 2);	/* ك */
		n += 16 * 1024;
		s[n++] = ' ';
	}
	memset(&sn, 0, sizeof(sn));
	rc = ar_entities_run(NULL, s, n, record, &sn);
	CHECK(rc == 0);
	CHECK(sn.reports >= 2);
	CHECK(sn.max_gap <= AR_E_PROGRESS_BYTES + 16 * 1024 + 1);
	CHECK(n - sn.last_pos <= AR_E_PROGRESS_BYTES + 16 * 1024 + 1);
	free(s);
}

UNIT_SUITE(entities_empty_norm)
{
	seen		sn;
	/* a mention, a hashtag of what the search profile removes entirely */
	static const char *const empty[] = {"@\xEF\xB9\xB1", "#\xD9\x80\xD9\x80", "قال @\xEF\xB9\xB1 و"};
	size_t		i;

	for (i = 0; i < sizeof(empty) / sizeof(empty[0]); i++)
	{
		memset(&sn, 0, sizeof(sn));
		CHECK(ar_entities_run(NULL, empty[i], strlen(empty[i]), record, &sn) == 0);
		CHECK(sn.entities == 0 && sn.empty_norm == 0);
	}
	/* a mention with a name is still one */
	memset(&sn, 0, sizeof(sn));
	CHECK(ar_entities_run(NULL, "@ab\xEF\xB9\xB1", 6, record, &sn) == 0);
	CHECK(sn.entities == 1);
	CHECK_STR(sn.norm, "ab");
}
