/*
 * init_test.h: helpers the tests of the initial residency's rule kinds share (INIT-xx, RULES.md
 * section A), on top of kind_test.h: the real model models/initial-residency-2020.yaml with one
 * rule left enabled, a fixture (model, residents, plan), the twin assertions for plans outside
 * the ILP's space, the findings of a plan, and a tiny week model for bad parameters.
 *
 * The plans of tests/rules/<kind>/ are variants of one base plan, base.csv: resident r1 of
 * cohort 2020 over weeks 1-104, compliant under every rule of the model (test_field_minimum.c
 * asserts it), each minimum met exactly so that a variant breaks it by a week or a day:
 *
 *    1-8    core   internal-medicine      IM: 20 weeks of blocks + the 4 GO weeks inside the run
 *    9-12   core   general-outpatient     (INIT-37, 000 Q41 L56) = 24 weeks; GO 20 days
 *   13-24   core   internal-medicine
 *   25-28   core   surgery                SURG 4 weeks
 *   29-32   core   pediatrics
 *   33-36   core   obgyn
 *   37-48   core   emergency              EM 12 weeks in one block
 *   49-52   psych  psychiatry             PSY 4 weeks
 *   53-56   clinic community              CM 4 weeks in year 2 (19 beds, home care)
 *   57-76   city   pediatrics             electives away from the core: core 48 weeks + 4 of
 *   77-104  city   obgyn                  CM credited = 52 (INIT-50)
 *
 * The ILP's space (translate/space.c): the plain model has one piece a week; the shaped model
 * with one rule enabled has pieces of one week too (no rotation unit), shaped by that rule's
 * admit hook. A piece may carry one session a week of a parallel_training department
 * (emergency, general-outpatient) at the block's own facility, of a day (half a day at a
 * half_day_only clinic). A plan with any other session (psychiatry, two a week, three days, at
 * another facility), or naming a department its facility does not run, is outside that space:
 * only the check can judge it, and t_rows_accept returns -1 (it_expect_outside).
 */
#ifndef ROTAPLAN_INIT_TEST_H
#define ROTAPLAN_INIT_TEST_H

#include "kind_test.h"

#define IT_MODEL "models/initial-residency-2020.yaml"

/* The initial-residency model with only rule id (and INIT-05's one-place-per-period skeleton)
 * enabled; id NULL keeps every rule. */
static inline rp_model *it_model(const char *id)
{
    rp_model *m = t_load_model(IT_MODEL);
    if (id)
        t_only_rule(m, id);
    return m;
}

/* A facility of m by id (fails the test when there is none). */
static inline rp_facility *it_facility(rp_model *m, const char *id)
{
    int f = rp_model_facility(m, id);
    if (f < 0)
        fail_msg("no facility '%s' in the model", id);
    return &m->facilities[f];
}

/* A department of a facility of m by id (fails the test when there is none). */
static inline rp_department *it_department(rp_model *m, const char *facility, const char *id)
{
    rp_facility *f = it_facility(m, facility);
    int d = rp_facility_department(f, id);
    if (d < 0)
        fail_msg("no department '%s' at '%s'", id, facility);
    return &f->departments[d];
}

typedef kt_fixture it_fixture;

/* The model with rule id enabled (NULL: all), the plan dir/<plan>.csv and, when residents is not
 * NULL, the residents file dir/<residents>.yaml. */
static inline it_fixture it_load(const char *dir, const char *id, const char *plan,
                                 const char *residents)
{
    return kt_load(it_model(id), dir, plan, residents);
}

static inline void it_unload(it_fixture *x)
{
    kt_unload(x);
}

/* A plan outside the ILP's space (see the header): check finds exactly n violations of rule id,
 * and neither the plain nor the shaped model can represent the plan. */
static inline void it_expect_outside(const it_fixture *x, const char *id, size_t n)
{
    assert_int_equal(t_violations(x->m, x->c, x->p, id), n);
    assert_int_equal(t_rows_accept(x->m, x->c, x->p, true, NULL), -1);
    assert_int_equal(t_rows_accept(x->m, x->c, x->p, false, NULL), -1);
}

/* Asserts finding k of rule id: its level, resident, facility ("-" for none), periods, and the
 * required and found strings (NULL: not compared). */
static inline void it_expect_finding(const it_fixture *x, const char *id, size_t k, int level,
                                     int resident, const char *facility, int first, int last,
                                     const char *required, const char *found)
{
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x->m, x->c, x->p, &f);
    const rp_finding *v = kt_nth(x->m, &f, id, k);
    assert_int_equal(v->level, level);
    assert_int_equal(v->resident, resident);
    assert_string_equal(kt_facility(x->m, v), facility);
    assert_int_equal(v->first, first);
    assert_int_equal(v->last, last);
    if (required)
        assert_string_equal(v->required, required);
    if (found)
        assert_string_equal(v->found, found);
    rp_findings_free(&f);
}

/* The message of finding k of rule id (heap). */
static inline char *it_message(const it_fixture *x, const char *id, size_t k)
{
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x->m, x->c, x->p, &f);
    char *msg = rp_xstrdup(kt_nth(x->m, &f, id, k)->message);
    rp_findings_free(&f);
    return msg;
}

/* Findings of rule id at level (any level when level < 0). */
static inline size_t it_count(const it_fixture *x, const char *id, int level)
{
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x->m, x->c, x->p, &f);
    size_t n = kt_count(x->m, &f, id, level);
    rp_findings_free(&f);
    return n;
}

/*
 * A tiny model of the initial residency with one rule, for bad parameters and model data, line
 * by line (the rule starts on line 8, its params on 12, as in kind_test.h):
 *
 *    1 programme: {id: tiny-init, name: tiny}
 *    2 calendar: {unit: week, ..., leave_allowance_days: 90}   (or the calendar given)
 *    3 fields: {internal-medicine: IM, emergency: EM, ...}
 *    4 facilities:
 *    5   - {id: core, ...}                                    (or the facilities given, 2 lines)
 *    6   - {id: clinic, ...}
 *    7 rules:
 *    8   - id: R-1
 *    9     kind: <kind>
 *   10     class: hard
 *   11     source: test
 *   12     params:<params>
 */
#define IT_TINY_CALENDAR                                                                       \
    "calendar: {unit: week, start_month: 4, start_day: 1, years: 2, days_per_week: 5, "        \
    "leave_allowance_days: 90}"
#define IT_TINY_FACILITIES                                                                     \
    "  - {id: core, name: core, kind: core, beds: 520, prefecture: P, area: A, go_field: IM, "  \
    "departments: [{id: internal-medicine}, {id: emergency}, {id: anesthesiology, capacity: "  \
    "1}, {id: general-outpatient}]}\n"                                                         \
    "  - {id: clinic, name: clinic, kind: coop-facility, beds: 19, home_care: true, "           \
    "prefecture: P, area: A, go_field: CM, departments: [{id: community}, {id: "               \
    "general-outpatient}]}"

static inline char *it_tiny_model_with(const char *calendar, const char *facilities,
                                       const char *kind, const char *params)
{
    return rp_xasprintf("programme: {id: tiny-init, name: tiny}\n"
                        "%s\n"
                        "fields: {internal-medicine: IM, emergency: EM, community: CM, "
                        "general-outpatient: GO, anesthesiology: ANES}\n"
                        "facilities:\n"
                        "%s\n"
                        "rules:\n"
                        "  - id: R-1\n"
                        "    kind: %s\n"
                        "    class: hard\n"
                        "    source: test\n"
                        "%s%s%s",
                        calendar ? calendar : IT_TINY_CALENDAR,
                        facilities ? facilities : IT_TINY_FACILITIES, kind,
                        params ? "    params:" : "", params ? params : "", params ? "\n" : "");
}

/* Asserts that the tiny model with this rule fails to load with exactly these errors. */
static inline void it_bad_model(const char *calendar, const char *facilities, const char *kind,
                                const char *params, const char *expected)
{
    char *yaml = it_tiny_model_with(calendar, facilities, kind, params);
    char *got = kt_model_errors(yaml);
    assert_string_equal(got, expected);
    free(got);
    free(yaml);
}

static inline void it_bad_params(const char *kind, const char *params, const char *expected)
{
    it_bad_model(NULL, NULL, kind, params, expected);
}

/* Asserts that the tiny model with this rule loads. */
static inline void it_good_params(const char *kind, const char *params)
{
    char *yaml = it_tiny_model_with(NULL, NULL, kind, params);
    char *path = t_write_temp(".yaml", yaml);
    rp_model *m = t_load_model(path);
    rp_model_free(m);
    unlink(path);
    free(path);
    free(yaml);
}

#endif
