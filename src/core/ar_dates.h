/*
 * ar_dates.h
 *	  Recognizers of dates, numbers, money and percentages over the entity
 *	  engine's token window (ar_edoc.h).
 *
 * Normalized values: dates in ISO 8601 (2023-09-20, 2023-09, 2023, and
 * --09-20 when the year is missing); Hijri dates keep their calendar with a
 * trailing H (1444-09-15H, 1444H).  Numbers as plain ASCII digits with a
 * '.' decimal point, scaled by مليون/مليار/ألف (2.5 مليون -> 2500000).
 * Money as "amount CODE": ISO 4217 where the currency word says it (دولار
 * USD, يورو EUR, درهم MAD, or a qualifier such as دينار كويتي KWD), else a
 * generic code for currencies shared by several countries: DINAR, RIYAL,
 * POUND (جنيه), LIRA, FRANC, RUPEE.  Percentages as "15%".
 */
#ifndef AR_DATES_H
#define AR_DATES_H

#include "ar_edoc.h"

/*
 * Dates at token i: day month year, weekday prefixes, month year, عام 2021,
 * ISO and d/m/y numeric dates.  Returns 1 and fills m, or 0.
 */
int			ar_dates_match(const ar_edoc *d, size_t i, ar_match *m);

/* Numbers, money and percentages at token i (a NUMBER token).  1 or 0. */
int			ar_numbers_match(const ar_edoc *d, size_t i, ar_match *m);

#endif							/* AR_DATES_H */
