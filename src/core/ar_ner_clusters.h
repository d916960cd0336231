/*
 * ar_ner_clusters.h
 *	  Word clusters of the entity tagger: a read-only table from a token's
 *	  lookup key to four cluster ids, loaded once from a text file that
 *	  tools/ner_clusters.c learns from unlabelled news.
 *
 * File format (UTF-8, one record a line, '#' lines are comments):
 *   ar_ner_clusters 2
 *   KEY<TAB>RC<TAB>RF<TAB>LC<TAB>LF
 * KEY is a token's key as ar_gaz_key makes it (no tab, no newline); RC and
 * RF its coarse and fine cluster by right contexts (the words that follow
 * it), LC and LF by left contexts; numbers in [0, 65534].  A key listed twice is an error.
 * Keys are held as their ar_ner_hash (the value the tagger has already
 * computed for every token), so a lookup builds no string.
 */
#ifndef AR_NER_CLUSTERS_H
#define AR_NER_CLUSTERS_H

#include <stddef.h>
#include <stdint.h>

/* Cluster ids of an unknown word. */
#define AR_NER_NOCLUSTER 0xFFFFu

typedef struct ar_ner_clusters ar_ner_clusters;

/* Parse buf[0..len-1]; NULL with a message (line number included) in err. */
ar_ner_clusters *ar_ner_clusters_parse(const char *buf, size_t len, char *err, size_t errlen);

/* Read and parse a clusters file; NULL with a message in err. */
ar_ner_clusters *ar_ner_clusters_load(const char *path, char *err, size_t errlen);

void		ar_ner_clusters_free(ar_ner_clusters *c);

/* Number of words held. */
size_t		ar_ner_clusters_count(const ar_ner_clusters *c);

/* Which of the four ids (16 bits each) of an ar_ner_clusters_get value. */
#define AR_NER_CL_RC 48
#define AR_NER_CL_RF 32
#define AR_NER_CL_LC 16
#define AR_NER_CL_LF 0
#define AR_NER_CL(v, which) ((unsigned) (((v) >> (which)) & 0xFFFF))

/* Value of a word in no cluster: AR_NER_NOCLUSTER four times. */
#define AR_NER_CL_NONE UINT64_C(0xFFFFFFFFFFFFFFFF)

/*
 * Clusters of the word whose key hashes to h (ar_ner_hash), RC RF LC LF from
 * the high bits down; AR_NER_CL_NONE for an unknown word or a NULL table.
 */
uint64_t	ar_ner_clusters_get(const ar_ner_clusters *c, uint64_t h);

#endif							/* AR_NER_CLUSTERS_H */
