/*
 * support.h: helpers shared by the cmocka tests: loading the repository's models and examples,
 * writing a temporary file, and releasing GLPK's environment at exit.
 */
#ifndef ROTAPLAN_TEST_SUPPORT_H
#define ROTAPLAN_TEST_SUPPORT_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "rotaplan/diag.h"
#include "rotaplan/model.h"
#include "rotaplan/plan.h"

/* Loads a model (path relative to the repository root) or fails the test, printing the
 * diagnostics. The caller frees it. */
rp_model *t_load_model(const char *path);
/* Loads a residents file against m or fails the test. */
rp_cohort *t_load_cohort(const rp_model *m, const char *path);
/* Writes text to a fresh temporary file whose name ends in suffix (".yaml", ".csv"); returns its
 * path (heap). The caller removes and frees it. */
char *t_write_temp(const char *suffix, const char *text);
/* Concatenates every diagnostic message as "line:col: message\n" (heap). */
char *t_diags_text(const rp_diags *d);
/* Reads a plan file (path relative to the repository root) or fails the test. */
rp_plan *t_plan_file(const rp_model *m, const char *path);
/* Reads a plan from CSV text (the header is added) or fails the test. */
rp_plan *t_plan_csv(const rp_model *m, const char *rows);
/* A cohort holding the plan's residents: the plan's course (else any), full time, no wishes. */
rp_cohort *t_cohort_of_plan(const rp_plan *p);
/* Disables every rule of m but RAD-06's kind (the plan's skeleton) and the rule `id`. */
void t_only_rule(rp_model *m, const char *id);
/* Violations of rule `id` that check finds in the plan (cohort may be NULL). */
size_t t_violations(const rp_model *m, const rp_cohort *c, const rp_plan *p, const char *id);
/*
 * The twin of check: whether the ILP's rows accept the plan. The plan is encoded in the model's
 * space (plain: one piece per period, no shaping) and every piece and course column is fixed to
 * it. skip: NULL, or a rule id whose rows are left out. Returns 1 when the rows accept it, 0 when
 * they reject it, -1 when no piece of the space can represent it.
 */
int t_rows_accept(const rp_model *m, const rp_cohort *c, const rp_plan *p, bool plain,
                  const char *skip);
/* The same with the translator's options (what-if cuts...); no_objective is set here. */
struct rp_translate_options;
int t_rows_accept_with(const rp_model *m, const rp_cohort *c, const rp_plan *p,
                       const struct rp_translate_options *opt, const char *skip);
/* A compliant plan: check finds no violation of rule id, and the rows accept it, plain and
 * shaped. */
void t_expect_compliant(const rp_model *m, const rp_cohort *c, const rp_plan *p, const char *id);
/* A plan that breaks rule id (and no other enabled rule): check finds exactly n violations of
 * it, the plain rows reject it and accept it once id's rows are left out, and the shaped model
 * does not accept it either. */
void t_expect_violation(const rp_model *m, const rp_cohort *c, const rp_plan *p, const char *id,
                        size_t n);

/* Runs the group and releases GLPK's environment; use as main's return value. */
int t_run(const char *name, const struct CMUnitTest *tests, size_t n);
/* The next draw (0..32767) of a small linear congruential generator over *state: the same
 * random problems on every machine. */
unsigned t_draw(unsigned *state);
#define T_RUN(tests) t_run(__FILE__, tests, sizeof(tests) / sizeof((tests)[0]))

#endif
