/*
 * calendar.c: periods <-> dates, programme years, slots on the shared calendar, and the crediting
 * arithmetic of RULES.md 0.4 (counted months, presence) that rule rows and direct checks both use.
 *
 * Months: period p of a resident starting in year c runs over calendar month
 * (start_month + p - 1) counted from year c. Weeks (INIT-04): week w of programme year y starts
 * 7 * ((w - 1) mod 52) days after that year's start; the last week of each year runs to the day
 * before the next year's start, so it holds the surplus day (8 days, 9 in a leap year).
 */
#include "rotaplan/calendar.h"
#include "rotaplan/rule.h"
#include "util/util.h"

#include <math.h>
#include <stdlib.h>

static void fill_timeline(const rp_model *m, const rp_resident *r, int h, rp_timeline *out);

/* RAD-10: the programme year in which r enters graduate school (courses D and E): the year the
 * residents file asks for, else its course's default (003 §7-2 L571: 3年目を原則, 1年目あるいは
 * 2年目も可能); 0 when r is in no graduate school. */
int rp_graduate_entry(const rp_model *m, const rp_resident *r)
{
    if (!m || !r)
        return 0;
    if (r->graduate_entry_year > 0)
        return r->graduate_entry_year;
    if (r->course >= 0 && (size_t)r->course < m->n_courses &&
        m->courses[r->course].graduate_school)
        return m->courses[r->course].graduate_entry_year > 0
                   ? m->courses[r->course].graduate_entry_year
                   : m->calendar.years;
    return 0;
}

/* The status graduate school gives period p of r (RAD-10, RAD-25, RAD-26): clinical counts as
 * training, non-clinical holds no facility and counts nothing; FT outside it. Only the
 * programme's own periods: an extension is full-time training. */
static rp_status graduate_status(const rp_model *m, const rp_resident *r, int p)
{
    int g = rp_graduate_entry(m, r);
    int ppy = m ? m->calendar.periods_per_year : 0;
    if (g <= 0 || p <= (g - 1) * ppy || p > m->calendar.years * ppy)
        return RP_STATUS_FT;
    return r->graduate == RP_GRADUATE_NONCLINICAL ? RP_STATUS_GNC : RP_STATUS_GC;
}

/* Whether r has periods the programme may not count: leave, or non-clinical graduate school. */
static bool may_lack_months(const rp_model *m, const rp_resident *r)
{
    return r->n_leave > 0 ||
           (r->graduate == RP_GRADUATE_NONCLINICAL && rp_graduate_entry(m, r) > 0);
}

/* INIT-60/61: leave beyond the allowance extends the programme by the weeks it takes to make up
 * the days beyond (RULES.md E-3: the make-up formula is the default reading, not confirmed). */
static int week_extension(const rp_model *m, const rp_resident *r)
{
    const rp_calendar *cal = &m->calendar;
    if (cal->leave_allowance_days <= 0)
        return 0;
    double beyond = rp_resident_leave_days(r) - cal->leave_allowance_days;
    return beyond > 0 ? (int)ceil(beyond / cal->days_per_week - 1e-9) : 0;
}

/* RULES.md 0.4, RAD-22..26: leave that the programme does not count (beyond the 6 months of
 * maternity or sickness, study abroad, non-clinical graduate school, uncertified) leaves fewer
 * counted months than the programme's; the programme is extended by the months missing, each a
 * month of full-time training. */
static int month_extension(const rp_model *m, const rp_resident *r)
{
    if (!may_lack_months(m, r) || m->readings.uncounted_leave_fails)
        return 0;
    int base = m->calendar.years * m->calendar.periods_per_year;
    rp_timeline t;
    fill_timeline(m, r, base, &t);
    double counted = rp_counted_months(m, r, &t);
    rp_timeline_free(&t);
    return counted < base - 1e-9 ? (int)ceil(base - counted - 1e-9) : 0;
}

static int extension(const rp_model *m, const rp_resident *r)
{
    if (!r)
        return 0;
    if (m->calendar.unit == RP_UNIT_WEEK)
        return week_extension(m, r);
    int leave = month_extension(m, r);
    return r->rule_extension > leave ? r->rule_extension : leave;
}

void rp_resident_extend(const rp_model *m, rp_resident *r)
{
    r->rule_extension = 0;
    r->extension_rule = RP_NONE;
    if (m->calendar.unit != RP_UNIT_MONTH || !may_lack_months(m, r) ||
        m->readings.uncounted_leave_fails)
        return;
    for (size_t i = 0; i < m->n_rules; i++) {
        const rp_rule *rule = &m->rules[i];
        if (!rule->enabled || !rule->kind->extension)
            continue;
        int n = rule->kind->extension(rule, m, r);
        if (n > r->rule_extension) {
            r->rule_extension = n;
            r->extension_rule = (int)i;
        }
    }
}

int rp_horizon(const rp_model *m, const rp_resident *r)
{
    return m->calendar.years * m->calendar.periods_per_year + extension(m, r);
}

/* The periods of an extended programme belong to its last year. */
int rp_period_year(const rp_model *m, int period)
{
    int y = (period - 1) / m->calendar.periods_per_year + 1;
    return y > m->calendar.years ? m->calendar.years : y;
}

static rp_date year_start(const rp_model *m, int year)
{
    rp_date d = {year, m->calendar.start_month, m->calendar.start_day};
    return d;
}

rp_date rp_period_first_day(const rp_model *m, int cohort, int period)
{
    const rp_calendar *cal = &m->calendar;
    int y = (period - 1) / cal->periods_per_year; /* programme years elapsed */
    int k = (period - 1) % cal->periods_per_year; /* period within its year */
    if (cal->unit == RP_UNIT_MONTH) {
        int month0 = cal->start_month - 1 + k;
        rp_date d = {cohort + y + month0 / 12, month0 % 12 + 1, 1};
        return d;
    }
    long days = rp_date_to_days(year_start(m, cohort + y)) + 7L * k;
    return rp_date_from_days(days);
}

rp_date rp_period_last_day(const rp_model *m, int cohort, int period)
{
    const rp_calendar *cal = &m->calendar;
    if (cal->unit == RP_UNIT_MONTH) {
        rp_date d = rp_period_first_day(m, cohort, period);
        d.day = rp_days_in_month(d.year, d.month);
        return d;
    }
    int y = (period - 1) / cal->periods_per_year;
    int k = (period - 1) % cal->periods_per_year;
    if (k == cal->periods_per_year - 1) /* the last week takes the surplus days (INIT-04) */
        return rp_date_from_days(rp_date_to_days(year_start(m, cohort + y + 1)) - 1);
    return rp_date_from_days(rp_date_to_days(year_start(m, cohort + y)) + 7L * k + 6);
}

int rp_period_of_day(const rp_model *m, int cohort, rp_date d)
{
    const rp_calendar *cal = &m->calendar;
    long day = rp_date_to_days(d);
    long start = rp_date_to_days(year_start(m, cohort));
    if (day < start)
        return 0;
    if (cal->unit == RP_UNIT_MONTH) {
        int months = (d.year - cohort) * 12 + (d.month - cal->start_month);
        return months + 1;
    }
    int y = 0;
    while (rp_date_to_days(year_start(m, cohort + y + 1)) <= day)
        y++;
    long offset = day - rp_date_to_days(year_start(m, cohort + y));
    int k = (int)(offset / 7);
    if (k > cal->periods_per_year - 1)
        k = cal->periods_per_year - 1;
    return y * cal->periods_per_year + k + 1;
}

long rp_slot(const rp_model *m, int cohort, int period)
{
    return (long)cohort * m->calendar.periods_per_year + period - 1;
}

void rp_period_label(const rp_model *m, int cohort, int period, char out[11])
{
    rp_date d = rp_period_first_day(m, cohort, period);
    rp_date_format(d, out);
    if (m->calendar.unit == RP_UNIT_MONTH)
        out[7] = '\0';
}

void rp_period_end_label(const rp_model *m, int cohort, int period, char out[11])
{
    if (m->calendar.unit == RP_UNIT_MONTH)
        rp_period_label(m, cohort, period, out);
    else
        rp_date_format(rp_period_last_day(m, cohort, period), out);
}

/* ---- statuses ---- */

void rp_timeline_build(const rp_model *m, const rp_resident *r, rp_timeline *out)
{
    fill_timeline(m, r, rp_horizon(m, r), out);
}

static void fill_timeline(const rp_model *m, const rp_resident *r, int h, rp_timeline *out)
{
    out->horizon = h;
    out->status = rp_xcalloc((size_t)h + 1, sizeof *out->status);
    out->hours = rp_xcalloc((size_t)h + 1, sizeof *out->hours);
    out->leave_index = rp_xmalloc(((size_t)h + 1) * sizeof *out->leave_index);
    for (int p = 0; p <= h; p++) {
        out->status[p] = p >= 1 ? graduate_status(m, r, p) : RP_STATUS_FT;
        out->leave_index[p] = -1;
    }
    if (!r)
        return;
    bool away = m && m->calendar.unit == RP_UNIT_WEEK && week_extension(m, r) > 0;
    for (size_t i = 0; i < r->n_leave; i++) {
        const rp_leave *l = &r->leave[i];
        for (int p = l->first; p <= l->last && p <= h; p++) {
            if (p < 1)
                continue;
            /* INIT-61/62: within the allowance a week of leave stays in its block and counts
             * (no make-up, INIT-62); beyond it the resident is away: the dated weeks hold no
             * facility and credit nothing, and the extension makes up the days beyond */
            out->status[p] = away && l->kind == RP_STATUS_SUSPENSION ? RP_STATUS_AWAY : l->kind;
            out->hours[p] = l->kind == RP_STATUS_PT ? l->hours_per_week : 0;
            out->leave_index[p] = (int)i;
        }
    }
}

void rp_timeline_free(rp_timeline *t)
{
    free(t->status);
    free(t->hours);
    free(t->leave_index);
    t->status = NULL;
    t->hours = NULL;
    t->leave_index = NULL;
    t->horizon = 0;
}

rp_status rp_resident_status(const rp_model *m, const rp_resident *r, int p)
{
    rp_status s = p >= 1 ? graduate_status(m, r, p) : RP_STATUS_FT;
    for (size_t i = 0; r && i < r->n_leave; i++) /* the last entry wins, as in fill_timeline */
        if (r->leave[i].first <= p && p <= r->leave[i].last && p >= 1)
            s = r->leave[i].kind;
    if (s == RP_STATUS_SUSPENSION && m->calendar.unit == RP_UNIT_WEEK && week_extension(m, r) > 0)
        return RP_STATUS_AWAY;
    return s;
}

bool rp_status_keeps_facility(rp_status s)
{
    return s != RP_STATUS_ABROAD && s != RP_STATUS_GNC && s != RP_STATUS_AWAY;
}

bool rp_timeline_presence(const rp_model *m, const rp_timeline *t, int period)
{
    if (period < 1 || period > t->horizon)
        return false;
    rp_status s = t->status[period];
    if (s == RP_STATUS_FT || s == RP_STATUS_GC)
        return true;
    return m->readings.presence_counts_leave && rp_status_keeps_facility(s);
}

bool rp_timeline_occupies(const rp_model *m, const rp_timeline *t, int period)
{
    if (period < 1 || period > t->horizon)
        return false;
    rp_status s = t->status[period];
    if (s == RP_STATUS_FT || s == RP_STATUS_GC)
        return true;
    return m->readings.capacity_counts_leave && rp_status_keeps_facility(s);
}

/* RAD-24: 800 hours count as 6 months; a month of h hours a week holds h * 52 / 12 hours. */
static double part_time_months(const rp_timeline *t)
{
    double full = 0, hours = 0;
    for (int p = 1; p <= t->horizon; p++) {
        if (t->status[p] != RP_STATUS_PT)
            continue;
        if (t->hours[p] >= 30)
            full += 1;
        else
            hours += t->hours[p] * 52.0 / 12.0;
    }
    return full + hours * 6.0 / 800.0;
}

double rp_counted_months(const rp_model *m, const rp_resident *r, const rp_timeline *t)
{
    (void)m;
    double months = 0, maternity = 0, sickness = 0;
    int first_maternity = -1;
    for (int p = 1; p <= t->horizon; p++) {
        rp_status s = t->status[p];
        int li = t->leave_index[p];
        const rp_leave *l = (r && li >= 0) ? &r->leave[li] : NULL;
        switch (s) {
        case RP_STATUS_FT:
        case RP_STATUS_GC: /* RAD-26 */
            months += 1;
            break;
        case RP_STATUS_MATERNITY:
            /* RAD-22: the first episode, certified or not, up to 6 months, and only when
             * certified ("1回まで"; "出産を証明する書類の添付が必要"): an uncertified first
             * episode uses the one time up and counts nothing */
            if (first_maternity < 0)
                first_maternity = li;
            if (l && l->certificate && first_maternity == li)
                maternity += 1;
            break;
        case RP_STATUS_SICKNESS: /* RAD-23: certified, up to 6 months in all */
            if (l && l->certificate)
                sickness += 1;
            break;
        default: /* RAD-24 below; RAD-25: abroad and non-clinical school count 0 */
            break;
        }
    }
    return months + fmin(6, maternity) + fmin(6, sickness) + fmin(6, part_time_months(t));
}
