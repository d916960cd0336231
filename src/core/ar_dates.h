/*
 * ar_dates.h
 *	  Recognizers of dates, numbers, money and percentages over the entity
 *	  engine's token window (ar_edoc.h).
 *
 * Normalized values: dates in ISO 8601 (2023-09-20, 2023-09, 2023, and
 * --09-20 when the year is missing); Hijri dates keep their calendar with a
 * trailing H (1444-09-15H, 1444H).  Numbers as plain ASCII digits with a
 * '.' decimal point, scaled by مليون/مليار/ألف (2.5 مليون -> 2500000).
 * Only real calendar dates are dates: 31 فبراير 2023 is not one (29 فبراير
 * only in a leap year; a Hijri day at most 30).  A day and month without a
 * year is --MM-DD (ISO 8601's truncated form, XML Schema's gMonthDay): it
 * does not cast to date.  Months are Gregorian in their Egyptian, Levantine
 * (كانون الثاني, two words), Maghreb spellings, or Hijri.
 * Numbers as plain ASCII digits with a '.' decimal point, scaled by
 * مليون/مليار/ألف (2.5 مليون -> 2500000, 0.5 مليون -> 500000), never with
 * leading zeros.  Money as "amount CODE": ISO 4217 where the currency words
 * say it (دولار USD, يورو EUR, درهم MAD, or a country qualifier in any form:
 * دينار جزائري / دنانير جزائرية / الدينار الجزائري DZD, ريالا سعوديا SAR),
 * the qualifier being part of the money span; else a generic code for
 * currencies shared by several countries: DINAR, RIYAL, POUND (جنيه), LIRA,
 * FRANC, RUPEE.  Percentages as "15%".
 */
#ifndef AR_DATES_H
#define AR_DATES_H

#include "ar_edoc.h"

/*
 * Dates at token i: day month year, weekday prefixes, month year, عام 2021,
 * ISO and d/m/y numeric dates.  Returns 1 and fills m, or 0.
 */
int			ar_dates_match(const ar_edoc *d, size_t i, ar_match *m);

/*
 * Register the currency qualifiers (every form of the country adjectives)
 * in the lexicon of g; ar_lexicon_load calls it.  0 or -1 on OOM.
 */
int			ar_dates_lexicon(ar_gaz *g);

/* Numbers, money and percentages at token i (a NUMBER token).  1 or 0. */
int			ar_numbers_match(const ar_edoc *d, size_t i, ar_match *m);

#endif							/* AR_DATES_H */
