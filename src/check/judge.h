/*
 * judge.h: the check side's own reading of what a rule's parameters mean, for the direct checks
 * in src/rules/<kind>.c. The rows (emit) ask places.h, select.h, weeks.h and credit.h whether a
 * piece is in a set of places, a week in a window, a facility selected, a week credited; the
 * checks ask these functions instead, written apart from those from RULES.md's notation (0.3,
 * 0.4), so that a wrong answer on one side makes the rows and the check disagree in the tests
 * rather than pass both (issue 14 item 3).
 *
 * What the two sides share: the parsed parameters (rp_place_set, rp_window, rp_selector,
 * rp_dept_filter: data), the model's accessors and data (a department's field, a facility's beds)
 * and the calendar (rp_period_year). What they do not share: matching, windows, counting and the
 * crediting of a week.
 */
#ifndef ROTAPLAN_JUDGE_H
#define ROTAPLAN_JUDGE_H

#include <stdbool.h>
#include <stddef.h>

#include "rotaplan/check.h"
#include "rotaplan/credit.h"
#include "rotaplan/model.h"
#include "rules/places.h"
#include "rules/select.h"

/* Whether a period whose block is the cell c is spent in the set of places s (RULES.md: a block
 * counts when its facility is listed or none is, and its department's field or id is listed or
 * neither fields nor departments are; a facility planned as a whole has neither). */
bool rp_judge_place(const rp_place_set *s, const rp_model *m, const rp_cell *c);

/* Whether period p of a resident's calendar lies in window w (every period; the programme year
 * w->year, extension periods belonging to the last year; or periods w->first..w->last). */
bool rp_judge_window(const rp_window *w, const rp_model *m, int p);

/* Whether facility f (RP_NONE: none) is one the selector names: every key given must hold. */
bool rp_judge_selector(const rp_selector *sel, const rp_model *m, int f);

/* Whether a period at facility f, department d counts under a department filter: always when the
 * filter lists nothing or the period names no department, else when d's id is listed. */
bool rp_judge_departments(const rp_dept_filter *df, const rp_model *m, int f, int d);

/* φ of a place (RULES.md 0.3): its department's field, the model's field of a department id the
 * facility does not run (a hand-made plan's), or RP_NONE for no facility or a facility planned as
 * a whole. */
int rp_judge_field(const rp_model *m, int f, int d, const char *department_id);

/* The field a general clinic the facility runs serves (go_field, INIT-34/36), or RP_NONE for any
 * other place (a department the facility does not run serves nothing). */
int rp_judge_clinic(const rp_model *m, int f, int d);

/* Whether facility f (RP_NONE: none) has role `role` (RULES.md 0.4: base, partner, related). */
bool rp_judge_role(const rp_model *m, int f, rp_role role);

/* The periods of the partner window course k allows in programme year `year` (RAD-08), 0 when it
 * allows none there or k is RP_NONE. */
int rp_judge_course_window(const rp_model *m, int k, int year);

/* The three conditions of a community-medicine week (INIT-40 year, INIT-41 site, INIT-43 home
 * care), each read from the model's `crediting.community` and the facility's data. */
bool rp_judge_community_year(const rp_model *m, int year);
bool rp_judge_community_site(const rp_model *m, int f);
bool rp_judge_community_home_care(const rp_model *m, int f);
/* All three: a community week at f in programme year `year` counts as 地域医療. */
bool rp_judge_community(const rp_model *m, int f, int year);

/* The credit of week p of resident r (RULES.md 0.3, INIT-32..38, INIT-40/41/43), from the plan's
 * cell and every parallel row of r active in p. */
void rp_judge_week(const rp_check_ctx *ctx, size_t r, int p, rp_week_credit *out);

/* The credit of every week of resident r: [horizon + 2], weeks 0 and horizon + 1 empty (host
 * and go_block_field RP_NONE). The caller frees. */
rp_week_credit *rp_judge_credits(const rp_check_ctx *ctx, size_t r);

/* Whether week p of credits (as rp_judge_credits) lies in a stretch of at least `run`
 * consecutive weeks that are each field X's block or a general clinic that may count for X
 * (INIT-37). */
bool rp_judge_in_run(const rp_week_credit *credits, int horizon, int p, int X, int run);

#endif
