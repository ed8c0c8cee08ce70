/*
 * kind_test.h: helpers the rule-kind tests of tests/rules/ share, on top of support.h: the real
 * model with one rule left enabled, the findings of a plan, and the errors a tiny model with one
 * rule gives (bad parameters). Static inline so that each test program takes what it uses.
 *
 * The tiny model of kt_bad_params, line by line (the rule starts on line 8, its params on 12):
 *
 *    1 programme: {id: tiny-rules, name: tiny}
 *    2 calendar: {unit: month, start_month: 4, years: 3}
 *    3 facilities:
 *    4   - {id: keio, name: base, role: base, instructors: 2}
 *    5   - {id: tokyo-mc, name: partner, role: partner, instructors: 1}
 *    6   - {id: rel, name: related, role: related}
 *    7 rules:
 *    8   - id: R-1
 *    9     kind: <kind>
 *   10     class: hard
 *   11     source: test
 *   12     params:<params>
 *
 * so an inline `params: {months: -1}` puts '{' at 12:13 and the first value at 12:22.
 */
#ifndef ROTAPLAN_KIND_TEST_H
#define ROTAPLAN_KIND_TEST_H

#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rotaplan/calendar.h"
#include "rotaplan/check.h"
#include "rotaplan/rule.h"
#include "util/util.h"

#define KT_MODEL "models/radiology-keio-2019.yaml"

/* The real model with only rule id (and RAD-06's skeleton) enabled. The fixtures are plans of
 * 36 months: leave that RAD-22..26 do not count leaves the resident short of RAD-01 there
 * (readings.uncounted_leave: fails), rather than extending the programme, the model's default,
 * which tests/unit/test_extension.c and tests/cli.sh cover. */
static inline rp_model *kt_model(const char *id)
{
    rp_model *m = t_load_model(KT_MODEL);
    t_only_rule(m, id);
    m->readings.uncounted_leave_fails = true;
    return m;
}

/* A model, a plan and (or NULL) the residents: what most rule tests load. */
typedef struct kt_fixture {
    rp_model *m;
    rp_cohort *c; /* NULL: every resident of the plan trains full time, no leave */
    rp_plan *p;
} kt_fixture;

/* The model m (the fixture owns it), the plan dir<plan>.csv and, when residents is not NULL, the
 * residents file dir<residents>.yaml. */
static inline kt_fixture kt_load(rp_model *m, const char *dir, const char *plan,
                                 const char *residents)
{
    kt_fixture x = {m, NULL, NULL};
    char *path = rp_xasprintf("%s%s.csv", dir, plan);
    x.p = t_plan_file(x.m, path);
    free(path);
    if (residents) {
        path = rp_xasprintf("%s%s.yaml", dir, residents);
        x.c = t_load_cohort(x.m, path);
        free(path);
    }
    return x;
}

static inline void kt_unload(kt_fixture *x)
{
    rp_plan_free(x->p);
    rp_cohort_free(x->c);
    rp_model_free(x->m);
}

/* The findings check gives (every level), in check's order. */
static inline void kt_check(const rp_model *m, const rp_cohort *c, const rp_plan *p,
                            rp_findings *f)
{
    rp_diags d = RP_DIAGS_INIT;
    assert_int_equal(rp_check_plan(m, c, p, f, &d), 0);
    rp_diags_free(&d);
}

/* Findings of rule id at level (any level when level < 0). */
static inline size_t kt_count(const rp_model *m, const rp_findings *f, const char *id, int level)
{
    size_t n = 0;
    for (size_t i = 0; i < f->count; i++)
        n += strcmp(m->rules[f->items[i].rule].id, id) == 0 &&
             (level < 0 || (int)f->items[i].level == level);
    return n;
}

/* The k-th (0-based) finding of rule id; fails the test when there is none. */
static inline const rp_finding *kt_nth(const rp_model *m, const rp_findings *f, const char *id,
                                       size_t k)
{
    size_t left = k;
    for (size_t i = 0; i < f->count; i++)
        if (strcmp(m->rules[f->items[i].rule].id, id) == 0 && left-- == 0)
            return &f->items[i];
    fail_msg("no finding %zu of rule %s", k, id);
    return NULL;
}

/* The id of a finding's facility, "-" when it names none. */
static inline const char *kt_facility(const rp_model *m, const rp_finding *f)
{
    return f->facility >= 0 ? m->facilities[f->facility].id : "-";
}

/* Loads a model from text, which must fail; returns its errors as "line:col: message\n"... */
static inline char *kt_model_errors(const char *yaml)
{
    char *path = t_write_temp(".yaml", yaml);
    rp_diags d = RP_DIAGS_INIT;
    rp_model *m = NULL;
    int rc = rp_model_load(path, &m, &d);
    unlink(path);
    free(path);
    if (rc == 0)
        rp_model_free(m);
    assert_int_equal(rc, -1);
    assert_null(m);
    char *text = t_diags_text(&d);
    rp_diags_free(&d);
    return text;
}

/* The tiny model (see the header) with one rule of kind `kind`; params is the text after
 * "    params:" (" {months: 3}", or "\n      months: 3\n..."), or NULL for no params key. */
static inline char *kt_tiny_model(const char *kind, const char *params)
{
    return rp_xasprintf("programme: {id: tiny-rules, name: tiny}\n"
                        "calendar: {unit: month, start_month: 4, years: 3}\n"
                        "facilities:\n"
                        "  - {id: keio, name: base, role: base, instructors: 2}\n"
                        "  - {id: tokyo-mc, name: partner, role: partner, instructors: 1}\n"
                        "  - {id: rel, name: related, role: related}\n"
                        "rules:\n"
                        "  - id: R-1\n"
                        "    kind: %s\n"
                        "    class: hard\n"
                        "    source: test\n"
                        "%s%s%s",
                        kind, params ? "    params:" : "", params ? params : "",
                        params ? "\n" : "");
}

/* Asserts that the tiny model with this rule fails to load with exactly these errors. */
static inline void kt_bad_params(const char *kind, const char *params, const char *expected)
{
    char *yaml = kt_tiny_model(kind, params);
    char *got = kt_model_errors(yaml);
    assert_string_equal(got, expected);
    free(got);
    free(yaml);
}

/* Asserts that the tiny model with this rule loads. */
static inline void kt_good_params(const char *kind, const char *params)
{
    char *yaml = kt_tiny_model(kind, params);
    char *path = t_write_temp(".yaml", yaml);
    rp_model *m = t_load_model(path);
    rp_model_free(m);
    unlink(path);
    free(path);
    free(yaml);
}

#endif
