/*
 * unit.h
 *	  A tiny assertion library for the core unit tests (no dependencies).
 *
 * Each test file defines suites as plain functions registered in test_main.c;
 * the runner prints one line per failure and closes with "N passed, N failed".
 */
#ifndef AR_UNIT_H
#define AR_UNIT_H

#include <stdio.h>
#include <string.h>

extern int	unit_passed;
extern int	unit_failed;

#define CHECK(cond) \
	do { \
		if (cond) unit_passed++; \
		else { unit_failed++; \
			fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); } \
	} while (0)

/* Compare two NUL-terminated strings, printing both on failure. */
#define CHECK_STR(got, want) \
	do { \
		const char *g_ = (got), *w_ = (want); \
		if (g_ && w_ && strcmp(g_, w_) == 0) unit_passed++; \
		else { unit_failed++; \
			fprintf(stderr, "FAIL %s:%d: got \"%s\", want \"%s\"\n", \
					__FILE__, __LINE__, g_ ? g_ : "(null)", w_ ? w_ : "(null)"); } \
	} while (0)

/* Check that a NUL-terminated string contains part, printing both on failure. */
#define CHECK_HAS(got, part) \
	do { \
		const char *g_ = (got), *p_ = (part); \
		if (g_ && p_ && strstr(g_, p_) != NULL) unit_passed++; \
		else { unit_failed++; \
			fprintf(stderr, "FAIL %s:%d: \"%s\" lacks \"%s\"\n", \
					__FILE__, __LINE__, g_ ? g_ : "(null)", p_ ? p_ : "(null)"); } \
	} while (0)

/*
 * UNIT_SUITE(name) { ... } defines a suite that registers itself before main()
 * runs, so adding a test file needs no edit elsewhere.
 */
typedef void (*unit_fn) (void);
void		unit_register(const char *name, unit_fn fn);

#define UNIT_SUITE(name) \
	static void suite_##name(void); \
	__attribute__((constructor)) static void register_##name(void) \
	{ unit_register(#name, suite_##name); } \
	static void suite_##name(void)

#endif							/* AR_UNIT_H */
