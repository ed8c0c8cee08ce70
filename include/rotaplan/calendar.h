/*
 * calendar.h: periods and dates, programme years, and the crediting arithmetic that a rule's
 * rows and its direct check must compute identically (RULES.md 0.4, RAD-22..26). Nothing else is
 * shared between the two halves of a rule.
 *
 * Periods are 1-based and counted from the resident's own start (April 1 of the cohort year):
 * months for radiology. A slot is a period on the programme's shared calendar, so that residents
 * of different cohorts can be counted together (RAD-12): slot = cohort * periods_per_year +
 * period - 1.
 */
#ifndef ROTAPLAN_CALENDAR_H
#define ROTAPLAN_CALENDAR_H

#include <stdbool.h>

#include "rotaplan/date.h"
#include "rotaplan/model.h"

/* Periods in a resident's plan: years x periods_per_year, plus the weeks that leave beyond the
 * model's allowance adds (INIT-61), or the months that leave the programme does not count leaves
 * missing (RAD-22..26: the programme is extended). */
int rp_horizon(const rp_model *m, const rp_resident *r);
/* Programme year (1-based) of a period; the periods of an extension belong to the last year. */
int rp_period_year(const rp_model *m, int period);
/* First and last day of a period for a resident starting in year cohort. */
rp_date rp_period_first_day(const rp_model *m, int cohort, int period);
rp_date rp_period_last_day(const rp_model *m, int cohort, int period);
/* The period holding day d, for a resident starting in year cohort; < 1 when d is before the
 * start. Periods past the horizon are numbered on. */
int rp_period_of_day(const rp_model *m, int cohort, rp_date d);
long rp_slot(const rp_model *m, int cohort, int period);
/* "2019-04" for a month period, "2019-04-01" for a week, into out (at least 11 bytes). */
void rp_period_label(const rp_model *m, int cohort, int period, char out[11]);
/* The label of a period as the end of a range: "2019-04" for a month, and for a week its last
 * day ("weeks 57-60 (2021-04-29 to 2021-05-26)", not the last week's first day). */
void rp_period_end_label(const rp_model *m, int cohort, int period, char out[11]);

/* A resident's statuses period by period, from the residents file's leave. */
typedef struct rp_timeline {
    int horizon;
    rp_status *status;     /* [horizon + 1]; index 0 unused */
    double *hours;         /* [horizon + 1]; part-time hours a week, else 0 */
    int *leave_index;      /* [horizon + 1]; index into r->leave, -1 for training */
} rp_timeline;

void rp_timeline_build(const rp_model *m, const rp_resident *r, rp_timeline *out);
void rp_timeline_free(rp_timeline *t);

/* The resident holds a facility in this status (every status but study abroad and
 * non-clinical graduate school, RULES.md 0.4). */
bool rp_status_keeps_facility(rp_status s);
/* RAD-27: asks every enabled rule whose kind has the extension hook how many periods beyond the
 * programme's length r needs, and keeps the most in r->rule_extension (with the rule); months
 * only, with the reading uncounted_leave: extends, for residents with leave. rp_cohort_load
 * calls it; call it again after changing a resident's leave, pins or course. */
void rp_resident_extend(const rp_model *m, rp_resident *r);
/* The status of resident r in period p, as rp_timeline_build gives it (RP_STATUS_FT when no
 * leave covers p; RP_STATUS_AWAY for the dated 休止 of a resident beyond the allowance). */
rp_status rp_resident_status(const rp_model *m, const rp_resident *r, int p);
/* RAD-10: the programme year in which r enters graduate school (the residents file's
 * graduate_entry_year, else its course's entry_year); 0 when r is in no graduate school (course
 * any without graduate_entry_year, or a course without graduate school). From that year to the
 * programme's end r's status is graduate-clinical (counts as full-time training) or, with
 * graduate_school: nonclinical, graduate-nonclinical (no facility, counts nothing: 003 §10(5)). */
int rp_graduate_entry(const rp_model *m, const rp_resident *r);
/* A presence month counts toward RAD-02, RAD-03, RAD-05 and RAD-20: full-time or clinical
 * graduate school; leave too when the model reads D-9 leniently. */
bool rp_timeline_presence(const rp_model *m, const rp_timeline *t, int period);
/* A resident on leave (or part-time) in this period still occupies a place for RAD-12 unless the
 * model says otherwise. */
bool rp_timeline_occupies(const rp_model *m, const rp_timeline *t, int period);

/* C(r) of RULES.md 0.4: full-time and clinical graduate months, plus maternity (first certified
 * episode, up to 6), sickness (certified, up to 6) and part-time (>= 30 h/week in full, below
 * pro rata 800 h = 6 months, up to 6). Leave without a certificate counts 0. */
double rp_counted_months(const rp_model *m, const rp_resident *r, const rp_timeline *t);

#endif
