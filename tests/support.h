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
/* Runs the group and releases GLPK's environment; use as main's return value. */
int t_run(const char *name, const struct CMUnitTest *tests, size_t n);
#define T_RUN(tests) t_run(__FILE__, tests, sizeof(tests) / sizeof((tests)[0]))

#endif
