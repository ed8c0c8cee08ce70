/*
 * date.h: calendar dates (ISO 8601, proleptic Gregorian) as used in models, residents files and
 * plans.
 */
#ifndef ROTAPLAN_DATE_H
#define ROTAPLAN_DATE_H

#include <stdbool.h>

typedef struct rp_date {
    int year, month, day;
} rp_date;

/* Whether d is a day of the calendar rotaplan reads and writes: 1900-01-01 to 9999-12-31 (a
 * cohort starts from 1900 to 2999; its programme, extended by up to a year, ends well before
 * 9999, so every date a plan holds reads back). */
bool rp_date_valid(rp_date d);
long rp_date_to_days(rp_date d); /* days since 1970-01-01 */
rp_date rp_date_from_days(long days);
int rp_days_in_month(int year, int month);
/* "YYYY-MM-DD" -> returns 0; "YYYY-MM" -> returns 1 with day 1; anything else -> -1. */
int rp_date_parse(const char *s, rp_date *out);
/* "YYYY-MM-DD" into out */
void rp_date_format(rp_date d, char out[11]);

#endif
