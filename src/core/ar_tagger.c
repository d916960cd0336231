/*
 * ar_tagger.c
 *	  The PER/LOC/ORG tagger: token features, a per-document memory of the
 *	  rules' names, Viterbi decoding over the pushed tokens, span output.
 *
 * Order of work: ar_tagger_prepare hashes every token once as the window is
 * filled; ar_tagger_push computes a token's feature ids, scores them with
 * the model (or dumps them for training) and queues the token; at a flush
 * the queue is decoded with the model's transition weights and the spans
 * are emitted.
 *
 * Features of word token i (the spec shared with tools/train_ner.py, which
 * reads their ids from test/ner_cli --features, so they are defined here
 * only).  Each is an id ar_ner_feat_id(KIND, VALUE) (ar_ner_model.h); a
 * string value is its ar_ner_hash, hashed once per token.
 *   BIAS                1
 *   W  S                search-normalized key; key without proclitics (SKEY)
 *   P1 P2               first 1-2 code points of SKEY (when it has that many)
 *   X1 X2               last 1-2 code points of SKEY
 *   T                   SHAPE: 0 Arabic, 1 Latin, 2 number, 3 mixed, 4 other,
 *                       plus 8 capitals, 16 ال, 32 proclitic, 64 punctuation
 *                       before, 128 punctuation after
 *   G                   gazetteer type of the token (its etype, 0 if none)
 *   F                   lexicon bits (FEAT_WMASK), when any
 *   C                   the gazetteer cover tag (ctag: B-/I- PER LOC ORG NAT
 *                       as 1-8, 0 for none)
 *   R  R_M1             the rules' tag of the token and of the one before
 *                       (BOS before the first)
 *   RC                  R * 16 + C
 *   W_M1 W_P1 S_M1 S_P1 G_M1 G_P1   neighbours; AR_NF_BOS and
 *                       AR_NF_EOS past the ends of the window
 *   T_M1 T_P1 X2_M1 X2_P1   shape and last two code points of the neighbours
 *                       (only when they exist)
 *   W_M1_S              ar_ner_pair(previous key, SKEY)
 *   K KF                coarse and fine right-context word cluster of SKEY
 *                       (of the key when SKEY has none; AR_NER_NOCLUSTER
 *                       when neither has), ar_ner_clusters.h
 *   KF_M1 KF_P1 K_M1 K_P1   clusters of the neighbours (BOS/EOS)
 *   KF_M1_KF KF_KF_P1   pairs of fine clusters (-1, 0) and (0, +1)
 *   L LF LF_M1 LF_P1    left-context clusters: coarse, fine, fine of the
 *                       neighbours
 *   S_M1_KF KF_S_P1     pairs (previous SKEY, KF) and (KF, next SKEY)
 *   MEM  MEM_R          document memory: for SKEY, which types the rules
 *                       found it in earlier in the same text, as the first
 *                       word of a name (bit 2k) or a later one (bit 2k+1),
 *                       k = 0 PER, 1 LOC, 2 ORG; MEM_R = MEM * 8 + R; only
 *                       when SKEY was seen so
 * Closed-class words outside any rule or gazetteer match are not scored
 * (closed_class below).  Decoding scores a path as the sum of its tokens' feature weights plus the
 * model's transition weight of each (previous tag, tag, rules' tag).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ar_ner_clusters.h"
#include "ar_tagger.h"

#define MAX_FEATS 64
/* a queue this long is decoded at the next punctuation, this one at once */
#define SOFT_QUEUE 256
/*
 * Rules' organization matches this long or longer are kept when the tagger
 * tags none of their words (see ar_tagger_flush).  Measured on a held-out
 * fold of ANERcorp train and on the news dev set: 3 costs the first about a
 * point of F1 and gives the second two (2: -1.5 and +3).
 */
#define ORG_CHAIN_KEPT 3
#define HARD_QUEUE 4096

#define FEAT_WMASK (AR_W_STOP | AR_W_PREP | AR_W_VERB | AR_W_CONNECT | AR_W_MODIFIER | \
					AR_W_COMMON | AR_W_GENITIVE | AR_W_DESCRIPTOR | AR_W_TIME | \
					AR_W_ORDINAL | AR_W_STRONG | AR_W_MONTH | AR_W_YEARWORD)

const char *const ar_tagger_rtag_names[AR_NER_NRTAGS] = {
	"O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "X"
};

/* A pushed token waiting for decoding. */
typedef struct qtok
{
	size_t		start;
	size_t		len;
	size_t		name_start;
	int			verbish;		/* looks like an imperfect verb (يضمن) */
} qtok;

/* A rules' name match over queued tokens [first, last). */
typedef struct qrule
{
	ar_match	m;
	size_t		first_start;	/* byte start of m's first token */
	size_t		first;
	size_t		last;
} qrule;

struct ar_tagger
{
	const ar_ner_model *model;
	ar_feat_cb	fcb;
	void	   *farg;
	ar_tagger_emit_fn emit;
	void	   *earg;
	/* the queue */
	qtok	   *q;
	int32_t    *em;				/* emission scores, relative to O, per tag */
	uint8_t    *rtag;
	uint8_t    *tags;
	uint8_t    *work;
	size_t		nq;
	size_t		qcap;
	qrule	   *rules;
	size_t		nrules;
	size_t		rcap;
	/* document memory: SKEY hash -> bits (see MEM), open addressing */
	uint64_t   *mem_h;
	uint8_t    *mem_v;
	size_t		mem_n;
	size_t		mem_cap;
	/* features of the current token */
	int			nfeat;
	uint64_t	fid[MAX_FEATS];
};

ar_tagger *
ar_tagger_new(const ar_gaz *g, ar_feat_cb fcb, void *farg, ar_tagger_emit_fn emit, void *earg)
{
	ar_tagger  *tg = calloc(1, sizeof(ar_tagger));

	if (tg == NULL)
		return NULL;
	tg->model = ar_gaz_model(g);
	tg->fcb = fcb;
	tg->farg = farg;
	tg->emit = emit;
	tg->earg = earg;
	return tg;
}

void
ar_tagger_free(ar_tagger *tg)
{
	if (tg == NULL)
		return;
	free(tg->q);
	free(tg->em);
	free(tg->rtag);
	free(tg->tags);
	free(tg->work);
	free(tg->rules);
	free(tg->mem_h);
	free(tg->mem_v);
	free(tg);
}

/* ---- per-token values ---- */

/* Last two code points of k[0..n-1]. */
static const char *
suffix2(const char *k, size_t n, size_t *len)
{
	size_t		p;
	int			c;

	for (c = 0, p = n; c < 2 && p > 0; c++)
	{
		p--;
		while (p > 0 && ((unsigned char) k[p] & 0xC0) == 0x80)
			p--;
	}
	*len = n - p;
	return k + p;
}

void
ar_tagger_prepare(const ar_edoc *d, ar_etok *t)
{
	const char *sk = d->keys + t->skey_off,
			   *x;
	size_t		xn;
	const ar_ner_clusters *cl = ar_gaz_clusters(d->g);

	t->hk = ar_ner_hash(d->keys + t->key_off, t->key_len);
	t->hs = t->skey_off == t->key_off && t->skey_len == t->key_len ? t->hk :
		ar_ner_hash(sk, t->skey_len);
	x = suffix2(sk, t->skey_len, &xn);
	t->hx2 = ar_ner_hash(x, xn);
	t->cl = ar_ner_clusters_get(cl, t->hs);
	if (t->cl == AR_NER_CL_NONE && t->hs != t->hk)
		t->cl = ar_ner_clusters_get(cl, t->hk);
}

/* ---- document memory ---- */

static uint8_t
mem_get(const ar_tagger *tg, uint64_t h)
{
	size_t		j;

	if (tg->mem_cap == 0)
		return 0;
	j = (size_t) (h ^ (h >> 31)) & (tg->mem_cap - 1);
	while (tg->mem_v[j])
	{
		if (tg->mem_h[j] == h)
			return tg->mem_v[j];
		j = (j + 1) & (tg->mem_cap - 1);
	}
	return 0;
}

/* Or bits into h's entry; -1 on OOM. */
static int
mem_add(ar_tagger *tg, uint64_t h, uint8_t bits)
{
	size_t		j;

	if ((tg->mem_n + 1) * 2 > tg->mem_cap)
	{
		size_t		cap = tg->mem_cap ? tg->mem_cap * 2 : 256,
					i;
		uint64_t   *nh = calloc(cap, sizeof(uint64_t));
		uint8_t    *nv = calloc(cap, 1);

		if (nh == NULL || nv == NULL)
		{
			free(nh);
			free(nv);
			return -1;
		}
		for (i = 0; i < tg->mem_cap; i++)
			if (tg->mem_v[i])
			{
				j = (size_t) (tg->mem_h[i] ^ (tg->mem_h[i] >> 31)) & (cap - 1);
				while (nv[j])
					j = (j + 1) & (cap - 1);
				nh[j] = tg->mem_h[i];
				nv[j] = tg->mem_v[i];
			}
		free(tg->mem_h);
		free(tg->mem_v);
		tg->mem_h = nh;
		tg->mem_v = nv;
		tg->mem_cap = cap;
	}
	j = (size_t) (h ^ (h >> 31)) & (tg->mem_cap - 1);
	while (tg->mem_v[j] && tg->mem_h[j] != h)
		j = (j + 1) & (tg->mem_cap - 1);
	if (tg->mem_v[j] == 0)
	{
		tg->mem_h[j] = h;
		tg->mem_n++;
	}
	tg->mem_v[j] |= bits;
	return 0;
}

/* MEM bits of a rules' tag (1-6), 0 for others. */
static uint8_t
mem_bits(int rtag)
{
	if (rtag < 1 || rtag > 6)
		return 0;
	return (uint8_t) (1 << (((rtag - 1) / 2) * 2 + ((rtag - 1) & 1)));
}

/* ---- features ---- */

static inline void
feat(ar_tagger *tg, int kind, uint64_t v)
{
	tg->fid[tg->nfeat++] = ar_ner_feat_id(kind, v);
}

static inline int
nm_type(const ar_etok *t)
{
	return t->nm ? t->nm->etype : 0;
}

/* SHAPE of token j (see the spec). */
static unsigned
shape_of(const ar_edoc *d, size_t j)
{
	const ar_etok *t = &d->t[j];
	unsigned	sh = t->type == AR_T_ARABIC ? 0 : t->type == AR_T_WORD ? 1 :
		t->type == AR_T_NUMBER ? 2 : t->type == AR_T_NUMWORD ? 3 : 4;

	if (t->upper)
		sh |= 8;
	if (t->article)
		sh |= 16;
	if (ar_etok_clitic(t))
		sh |= 32;
	if (t->punct)
		sh |= 64;
	if (j + 1 < d->n && d->t[j + 1].punct)
		sh |= 128;
	return sh;
}

/* Features of token i into tg->fid. */
static void
build_feats(ar_tagger *tg, const ar_edoc *d, size_t i)
{
	const ar_etok *t = &d->t[i];
	const ar_etok *prev = i > 0 ? t - 1 : NULL,
			   *next = i + 1 < d->n ? t + 1 : NULL;
	size_t		sn,
				k,
				p;
	const char *sk = ar_edoc_skey(d, i, &sn);
	uint64_t	h,
				kf = AR_NER_CL(t->cl, AR_NER_CL_RF),
				kf_m1 = prev ? AR_NER_CL(prev->cl, AR_NER_CL_RF) : AR_NF_BOS,
				kf_p1 = next ? AR_NER_CL(next->cl, AR_NER_CL_RF) : AR_NF_EOS;
	uint8_t		mem;

	tg->nfeat = 0;
	feat(tg, AR_NF_BIAS, 1);
	feat(tg, AR_NF_W, t->hk);
	feat(tg, AR_NF_S, t->hs);
	/* code point boundaries: prefixes forward, suffixes backward */
	h = UINT64_C(0xcbf29ce484222325);
	for (k = 0, p = 0; k < 2 && p < sn; k++)
	{
		do
		{
			h ^= (unsigned char) sk[p++];
			h *= UINT64_C(0x100000001b3);
		} while (p < sn && ((unsigned char) sk[p] & 0xC0) == 0x80);
		feat(tg, AR_NF_P1 + (int) k, h);
	}
	for (k = 0, p = sn; k < 2 && p > 0; k++)
	{
		p--;
		while (p > 0 && ((unsigned char) sk[p] & 0xC0) == 0x80)
			p--;
		feat(tg, AR_NF_X1 + (int) k, k == 1 ? t->hx2 : ar_ner_hash(sk + p, sn - p));
	}
	feat(tg, AR_NF_T, shape_of(d, i));
	feat(tg, AR_NF_G, (uint64_t) nm_type(t));
	if (t->wflags & FEAT_WMASK)
		feat(tg, AR_NF_F, t->wflags & FEAT_WMASK);
	feat(tg, AR_NF_C, t->ctag);
	feat(tg, AR_NF_R, t->rtag);
	feat(tg, AR_NF_R_M1, prev ? prev->rtag : AR_NF_BOS);
	feat(tg, AR_NF_RC, (uint64_t) t->rtag * 16 + t->ctag);
	feat(tg, AR_NF_W_M1, prev ? prev->hk : AR_NF_BOS);
	feat(tg, AR_NF_W_P1, next ? next->hk : AR_NF_EOS);
	feat(tg, AR_NF_S_M1, prev ? prev->hs : AR_NF_BOS);
	feat(tg, AR_NF_S_P1, next ? next->hs : AR_NF_EOS);
	feat(tg, AR_NF_G_M1, prev ? (uint64_t) nm_type(prev) : AR_NF_BOS);
	feat(tg, AR_NF_G_P1, next ? (uint64_t) nm_type(next) : AR_NF_EOS);
	if (prev)
	{
		feat(tg, AR_NF_T_M1, shape_of(d, i - 1));
		feat(tg, AR_NF_X2_M1, prev->hx2);
		feat(tg, AR_NF_W_M1_S, ar_ner_pair(prev->hk, t->hs));
	}
	if (next)
	{
		feat(tg, AR_NF_T_P1, shape_of(d, i + 1));
		feat(tg, AR_NF_X2_P1, next->hx2);
	}
	feat(tg, AR_NF_K, AR_NER_CL(t->cl, AR_NER_CL_RC));
	feat(tg, AR_NF_KF, kf);
	feat(tg, AR_NF_KF_M1, kf_m1);
	feat(tg, AR_NF_KF_P1, kf_p1);
	feat(tg, AR_NF_K_M1, prev ? AR_NER_CL(prev->cl, AR_NER_CL_RC) : AR_NF_BOS);
	feat(tg, AR_NF_K_P1, next ? AR_NER_CL(next->cl, AR_NER_CL_RC) : AR_NF_EOS);
	feat(tg, AR_NF_KF_M1_KF, ar_ner_pair(kf_m1, kf));
	feat(tg, AR_NF_KF_KF_P1, ar_ner_pair(kf, kf_p1));
	feat(tg, AR_NF_L, AR_NER_CL(t->cl, AR_NER_CL_LC));
	feat(tg, AR_NF_LF, AR_NER_CL(t->cl, AR_NER_CL_LF));
	feat(tg, AR_NF_LF_M1, prev ? AR_NER_CL(prev->cl, AR_NER_CL_LF) : AR_NF_BOS);
	feat(tg, AR_NF_LF_P1, next ? AR_NER_CL(next->cl, AR_NER_CL_LF) : AR_NF_EOS);
	feat(tg, AR_NF_S_M1_KF, ar_ner_pair(prev ? prev->hs : AR_NF_BOS, kf));
	feat(tg, AR_NF_KF_S_P1, ar_ner_pair(kf, next ? next->hs : AR_NF_EOS));
	mem = mem_get(tg, t->hs);
	if (mem)
	{
		feat(tg, AR_NF_MEM, mem);
		feat(tg, AR_NF_MEM_R, (uint64_t) mem * 8 + t->rtag);
	}
}

/* Hand the features of token t to the dump callback. */
static int
dump_feats(ar_tagger *tg, const ar_etok *t)
{
	char		hex[MAX_FEATS + 1][20];
	const char *fp[MAX_FEATS + 1];
	size_t		fl[MAX_FEATS + 1];
	int			k;

	for (k = 0; k < tg->nfeat; k++)
	{
		snprintf(hex[k], sizeof(hex[k]), "%016llx", (unsigned long long) tg->fid[k]);
		fp[k] = hex[k];
		fl[k] = 16;
	}
	snprintf(hex[k], sizeof(hex[k]), "r=%s", ar_tagger_rtag_names[t->rtag]);
	fp[k] = hex[k];
	fl[k] = strlen(hex[k]);
	return tg->fcb(tg->farg, t->start, t->len, 0, tg->nfeat + 1, fp, fl);
}

/* ---- the queue ---- */

static int
queue_reserve(ar_tagger *tg)
{
	if (tg->nq == tg->qcap)
	{
		size_t		cap = tg->qcap ? tg->qcap * 2 : 64;
		qtok	   *q = realloc(tg->q, cap * sizeof(qtok));
		int32_t    *e;
		uint8_t    *r,
				   *o,
				   *w;

		if (q == NULL)
			return -1;
		tg->q = q;
		e = realloc(tg->em, cap * AR_NER_NTAGS * sizeof(int32_t));
		if (e == NULL)
			return -1;
		tg->em = e;
		r = realloc(tg->rtag, cap);
		if (r == NULL)
			return -1;
		tg->rtag = r;
		o = realloc(tg->tags, cap);
		if (o == NULL)
			return -1;
		tg->tags = o;
		w = realloc(tg->work, cap * AR_NER_NTAGS);
		if (w == NULL)
			return -1;
		tg->work = w;
		tg->qcap = cap;
	}
	return 0;
}

int
ar_tagger_rule(ar_tagger *tg, const ar_match *m, size_t first_start, size_t ntok)
{
	qrule	   *r;

	if (tg->nrules == tg->rcap)
	{
		size_t		cap = tg->rcap ? tg->rcap * 2 : 16;
		qrule	   *nr = realloc(tg->rules, cap * sizeof(qrule));

		if (nr == NULL)
			return -1;
		tg->rules = nr;
		tg->rcap = cap;
	}
	r = &tg->rules[tg->nrules++];
	r->m = *m;
	/* a norm held in the match's own buffer moves with it */
	if (m->norm >= m->buf && m->norm < m->buf + sizeof(m->buf))
		r->m.norm = r->m.buf + (m->norm - m->buf);
	r->first_start = first_start;
	r->first = tg->nq;
	r->last = tg->nq + ntok;
	return 0;
}

/*
 * Closed-class words (function words, prepositions, frequent verbs, time
 * words) and lowercase Latin words that no rule and no gazetteer name covers
 * are tagged O without scoring: names almost never hold them, and they are a
 * sixth of the tokens of news text.  Training sees them the same way
 * (forced).
 */
#define CLOSED_CLASS (AR_W_STOP | AR_W_PREP | AR_W_VERB | AR_W_TIME)

static int
closed_class(const ar_tagger *tg, const ar_edoc *d, const ar_etok *t)
{
	int			closed = (t->wflags & CLOSED_CLASS) != 0;

	/* a Latin word inside Arabic text is a name only capitalized (or an acronym) */
	if (t->type == AR_T_WORD && !(d->s[t->start] >= 'A' && d->s[t->start] <= 'Z'))
		closed = 1;
	return closed && t->nm == NULL && t->rtag == 0 && t->ctag == 0 &&
		(tg->nrules == 0 || tg->rules[tg->nrules - 1].last <= tg->nq);
}

int
ar_tagger_push(ar_tagger *tg, const ar_edoc *d, size_t i, size_t name_start)
{
	const ar_etok *t = &d->t[i];
	qtok	   *q;
	int32_t    *em;
	int			rc;

	if (closed_class(tg, d, t))
	{
		if (tg->fcb && (rc = tg->fcb(tg->farg, t->start, t->len, 1, 0, NULL, NULL)) != 0)
			return rc;
		return ar_tagger_flush(tg);
	}
	build_feats(tg, d, i);
	/* the memory holds earlier mentions only: add after the features */
	if (mem_bits(t->rtag) && mem_add(tg, t->hs, mem_bits(t->rtag)) != 0)
		return -1;
	if (tg->fcb)
		return dump_feats(tg, t);
	/* a long queue is decoded between two rules' matches, at punctuation */
	if (tg->nq >= HARD_QUEUE ||
		(tg->nq >= SOFT_QUEUE && t->punct &&
		 (tg->nrules == 0 || tg->rules[tg->nrules - 1].last <= tg->nq)))
	{
		if ((rc = ar_tagger_flush(tg)) != 0)
			return rc;
	}
	if (queue_reserve(tg) != 0)
		return -1;
	q = &tg->q[tg->nq];
	q->start = t->start;
	q->len = t->len;
	q->name_start = name_start;
	{
		size_t		sn;
		const char *sk = ar_edoc_skey(d, i, &sn);

		q->verbish = t->type == AR_T_ARABIC && !t->article && t->nm == NULL && sn >= 6 &&
			memcmp(sk, "\xd9\x8a", 2) == 0;
	}
	em = tg->em + tg->nq * AR_NER_NTAGS;
	memset(em, 0, AR_NER_NTAGS * sizeof(int32_t));
	ar_ner_model_score(tg->model, tg->fid, tg->nfeat, em);
	tg->rtag[tg->nq] = t->rtag;
	tg->nq++;
	return 0;
}

int
ar_tagger_forced(ar_tagger *tg, const ar_edoc *d, size_t i)
{
	if (tg->fcb)
		return tg->fcb(tg->farg, d->t[i].start, d->t[i].len, 1, 0, NULL, NULL);
	return 0;
}

/* ---- decoding ---- */

/* May tag c follow tag p?  An I- tag only continues its own type. */
static inline int
allowed(int p, int c)
{
	return c == 0 || (c & 1) == 1 || p == c || p == c - 1;
}

void
ar_tagger_viterbi(const ar_ner_model *m, const int32_t *em, const uint8_t *rtag,
				  size_t n, uint8_t *work, uint8_t *out)
{
	int64_t		cur[AR_NER_NTAGS],
				nxt[AR_NER_NTAGS];
	size_t		i;
	int			c,
				p,
				best;
	const int32_t *tr0;

	if (n == 0)
		return;
	/* the token before the first is tagged O */
	tr0 = ar_ner_model_trans(m, AR_NER_O, rtag[0]);
	for (c = 0; c < AR_NER_NTAGS; c++)
	{
		cur[c] = allowed(AR_NER_O, c) ? (int64_t) tr0[c] + em[c] : INT64_MIN / 2;
		work[c] = AR_NER_O;
	}
	for (i = 1; i < n; i++)
	{
		const int32_t *e = em + i * AR_NER_NTAGS;
		uint8_t    *bp = work + i * AR_NER_NTAGS;
		const int32_t *tr[AR_NER_NTAGS];
		int64_t		bs;
		int			bi;

		for (p = 0; p < AR_NER_NTAGS; p++)
			tr[p] = ar_ner_model_trans(m, p, rtag[i]);

		/* O and the B- tags may follow anything */
		for (c = 0; c < AR_NER_NTAGS; c += c == 0 ? 1 : 2)
		{
			bs = INT64_MIN;
			bi = 0;
			for (p = 0; p < AR_NER_NTAGS; p++)
			{
				int64_t		s = cur[p] + tr[p][c];

				if (s > bs)
				{
					bs = s;
					bi = p;
				}
			}
			nxt[c] = bs + e[c];
			bp[c] = (uint8_t) bi;
		}
		/* an I- tag only continues its B- or I- */
		for (c = 2; c < AR_NER_NTAGS; c += 2)
		{
			int64_t		sb = cur[c - 1] + tr[c - 1][c],
						si = cur[c] + tr[c][c];

			nxt[c] = (si > sb ? si : sb) + e[c];
			bp[c] = (uint8_t) (si > sb ? c : c - 1);
		}
		memcpy(cur, nxt, sizeof(cur));
	}
	best = 0;
	for (c = 1; c < AR_NER_NTAGS; c++)
		if (cur[c] > cur[best])
			best = c;
	for (i = n; i-- > 0;)
	{
		out[i] = (uint8_t) best;
		best = work[i * AR_NER_NTAGS + best];
	}
}

/* Emit the span of queued tokens [a, b) as type, keeping an agreeing rule's value. */
static int
emit_span(ar_tagger *tg, int type, size_t a, size_t b)
{
	ar_match	m;
	size_t		r;

	for (r = 0; r < tg->nrules; r++)
	{
		const qrule *qr = &tg->rules[r];

		/*
		 * The rules agree: keep their value.  On exactly a gazetteer
		 * name's span the gazetteer's type wins too.
		 */
		if ((qr->m.type == type || qr->m.strong) && qr->first_start == tg->q[a].start &&
			qr->m.end == tg->q[b - 1].start + tg->q[b - 1].len)
			return tg->emit(tg->earg, &qr->m);
	}
	memset(&m, 0, sizeof(m));
	m.type = type;
	m.start = tg->q[a].name_start;
	m.end = tg->q[b - 1].start + tg->q[b - 1].len;
	return tg->emit(tg->earg, &m);
}

int
ar_tagger_flush(ar_tagger *tg)
{
	size_t		i,
				span_a = 0,
				r = 0;
	int			span_type = 0,
				rc = 0;

	if (tg->fcb || tg->nq == 0)
	{
		tg->nq = 0;
		tg->nrules = 0;
		return 0;
	}
	ar_tagger_viterbi(tg->model, tg->em, tg->rtag, tg->nq, tg->work, tg->tags);
	for (i = 0; i <= tg->nq; i++)
	{
		int			tag = i < tg->nq ? tg->tags[i] : AR_NER_O,
					begin,
					type = ar_ner_tag_type(tag, &begin);

		if (span_type && (type == 0 || begin || type != span_type))
		{
			if ((rc = emit_span(tg, span_type, span_a, i)) != 0)
				goto done;
			span_type = 0;
		}
		if (type && !span_type)
		{
			span_type = type;
			span_a = i;
		}

		/*
		 * A gazetteer name the tagger left out entirely is emitted all the
		 * same when its last token is passed: users' watch lists must be
		 * found whatever the model learned.  So is an organization head with
		 * a genitive chain of ORG_CHAIN_KEPT words or more: ANERcorp, the
		 * training data, tags few of them, news is full of them.  (A name
		 * the tagger tagged, even differently, is its call.)
		 */
		while (r < tg->nrules && tg->rules[r].last <= i + 1)
		{
			const qrule *qr = &tg->rules[r++];
			size_t		k;
			int			tagged = 0;

			if (!(qr->m.strong || (qr->m.type == AR_E_ORGANIZATION &&
								   qr->m.last - qr->m.first >= ORG_CHAIN_KEPT)) ||
				qr->last > tg->nq)
				continue;
			for (k = qr->first; k < qr->last; k++)
			{
				tagged |= tg->tags[k] != AR_NER_O;
				/* a kept chain goes through no verb */
				if (!qr->m.strong && k > qr->first && tg->q[k].verbish)
					tagged = 1;
			}
			if (!tagged && (rc = tg->emit(tg->earg, &qr->m)) != 0)
				goto done;
		}
	}
done:
	tg->nq = 0;
	tg->nrules = 0;
	return rc;
}
