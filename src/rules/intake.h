/*
 * intake.h: the arithmetic of the intake rule kinds (intake-cap, urban-intake-cap,
 * intake-by-beds), exposed so that `rotaplan capacity` shows the very figures their checks judge
 * instead of computing them a second time. Each kind file defines its explain and windows
 * functions and its check uses them; intake.c holds the residents counted by starting year that
 * all three read.
 *
 * A window is a span of consecutive starting years whose residents together a rule limits: one
 * year (intake-cap), k consecutive years (urban-intake-cap), or the two years in training at once
 * (intake-by-beds). A window is over its limit when intake > limit.
 */
#ifndef ROTAPLAN_INTAKE_H
#define ROTAPLAN_INTAKE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "rotaplan/check.h"
#include "rotaplan/model.h"
#include "rotaplan/plan.h"

/* rp_intake_years, rp_intake_window and the counting functions are in check.h (the intake
 * hook of rule.h); the rest of this header is each kind's own arithmetic. */

/* The first and last lines of a rule's block in `rotaplan capacity` (its put_intake hook):
 * "\nRAD-13 [intake] <what>", then its note and source. */
void rp_intake_put_head(const rp_rule *rule, const char *what, FILE *out);
void rp_intake_put_foot(const rp_rule *rule, FILE *out);

/* ---- intake-cap (intake_cap.c): floor(min(instructors, CT / c, IVR / i, RT / t)) ---- */

enum { RP_CAP_INSTRUCTORS, RP_CAP_CT, RP_CAP_IVR, RP_CAP_RT, RP_CAP_N_TERMS };
extern const char *const rp_intake_cap_terms[RP_CAP_N_TERMS]; /* "instructors", "CT", ... */

typedef struct rp_intake_cap {
    double total[RP_CAP_N_TERMS];   /* over the facility group, as the readings choose */
    bool printed[RP_CAP_N_TERMS];   /* the model's printed total (D-6), not the column sum */
    double column_sum[RP_CAP_N_TERMS]; /* the facility table's column sums, whatever the reading */
    double printed_total[RP_CAP_N_TERMS]; /* the model's printed totals; -1 when none given */
    double divisor[RP_CAP_N_TERMS]; /* 1 for the instructors */
    double term[RP_CAP_N_TERMS];    /* total / divisor */
    int binding;                    /* the smallest term (the first of equal ones) */
    int value;                      /* floor of the binding term: the yearly cap */
} rp_intake_cap;

/* Fills out when rule is of kind intake-cap and returns 0; returns -1 for any other kind. */
int rp_intake_cap_explain(const rp_rule *rule, const rp_model *m, rp_intake_cap *out);
/* Every starting year of y, each with the cap. Returns how many; *out is heap (the caller
 * frees), NULL when none. */
size_t rp_intake_cap_windows(const rp_intake_cap *cap, const rp_intake_years *y,
                             rp_intake_window **out);

/* ---- urban-intake-cap (urban_intake_cap.c): the past years' average, strict reading ---- */

typedef struct rp_urban_cap {
    bool urban;                       /* false: the rule caps nothing */
    int history_years, history_total; /* the past intake (RAD-14: 5 years, 59) */
    double average;                   /* history_total / history_years */
    rp_level level;                   /* of a breach: a finding unless the reading is strict */
} rp_urban_cap;

/* As rp_intake_cap_explain, for kind urban-intake-cap. */
int rp_urban_cap_explain(const rp_rule *rule, const rp_model *m, rp_urban_cap *out);
/* The most residents k consecutive years may take: floor(average x k). */
int rp_urban_cap_limit(const rp_urban_cap *u, int k);
/* Every window of k consecutive years inside y's span, k = 1 up to the past years, by k then
 * year; none when the rule caps nothing. As rp_intake_cap_windows. */
size_t rp_urban_cap_windows(const rp_urban_cap *u, const rp_intake_years *y,
                            rp_intake_window **out);

/* ---- intake-by-beds (intake_by_beds.c): both years in training by the core's size ---- */

typedef struct rp_beds_cap {
    int facility;                      /* the core hospital whose figure gives the limit, or
                                        * RP_NONE when no core gives beds or admissions */
    double per_beds, per_admissions;   /* the divisors */
    int by_beds, by_admissions;        /* floor(beds / per_beds)...; -1 when not given */
    int value;                         /* the larger, over every core; -1 when none */
} rp_beds_cap;

/* As rp_intake_cap_explain, for kind intake-by-beds. */
int rp_beds_cap_explain(const rp_rule *rule, const rp_model *m, rp_beds_cap *out);
/* For every calendar year from y's first to one past its last, the residents of the two
 * cohorts in training then (first_year = the year before). As rp_intake_cap_windows; none when
 * no core gives a figure or y holds no resident. */
size_t rp_beds_cap_windows(const rp_beds_cap *b, const rp_intake_years *y,
                           rp_intake_window **out);

#endif
