/*
 * date.c: ISO 8601 calendar dates (proleptic Gregorian) for the calendar of model/calendar.c and
 * for the dates of the plan formats.
 */
#include "rotaplan/date.h"

#include <stdio.h>
#include <string.h>

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int rp_days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && leap(year))
        return 29;
    return days[month - 1];
}

bool rp_date_valid(rp_date d)
{
    return d.year >= 1900 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
           d.day <= rp_days_in_month(d.year, d.month);
}

/* days from civil, after H. Hinnant's algorithm */
long rp_date_to_days(rp_date d)
{
    long y = d.year - (d.month <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long mp = (d.month + 9) % 12;
    long doy = (153 * mp + 2) / 5 + d.day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

rp_date rp_date_from_days(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    rp_date r = {(int)(y + (m <= 2)), (int)m, (int)d};
    return r;
}

static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int rp_date_parse(const char *s, rp_date *out)
{
    size_t n = strlen(s);
    if (n != 7 && n != 10)
        return -1;
    if (s[4] != '-' || (n == 10 && s[7] != '-'))
        return -1;
    rp_date d = {digits(s, 4), digits(s + 5, 2), n == 10 ? digits(s + 8, 2) : 1};
    if (d.year < 0 || d.month < 0 || d.day < 0 || !rp_date_valid(d))
        return -1;
    *out = d;
    return n == 10 ? 0 : 1;
}

void rp_date_format(rp_date d, char out[11])
{
    snprintf(out, 11, "%04u-%02u-%02u", (unsigned)d.year % 10000u, (unsigned)d.month % 100u,
             (unsigned)d.day % 100u);
}
