/*
 * test_no_full_time_at.c: kind `no-full-time-at` (RAD-11: related facilities (関連施設) take
 * part-time work only: "専門研修関連施設での研修は、非常勤医師として…常勤医師としてのローテート
 * 研修は行いません", 003 §7-1 L535; §2-1 L95). The real model names no related facility (003
 * names none), so the plans run against tests/rules/no_full_time_at/model.yaml, which has one
 * (`clinic`), besides a base and a partner.
 */
#include "kind_test.h"

#define DIR "tests/rules/no_full_time_at/"

typedef struct fixture {
    rp_model *m;
    rp_plan *p;
} fixture;

static fixture load(const char *plan)
{
    fixture x;
    x.m = t_load_model(DIR "model.yaml");
    t_only_rule(x.m, "RAD-11");
    char *path = rp_xasprintf(DIR "%s.csv", plan);
    x.p = t_plan_file(x.m, path);
    free(path);
    return x;
}

static void unload(fixture *x)
{
    rp_plan_free(x->p);
    rp_model_free(x->m);
}

static void expect_finding(const fixture *x, const rp_findings *f, size_t k, int first, int last)
{
    const rp_finding *v = kt_nth(x->m, f, "RAD-11", k);
    assert_int_equal(v->level, RP_LEVEL_VIOLATION);
    assert_int_equal(v->resident, 0);
    assert_string_equal(kt_facility(x->m, v), "clinic");
    assert_int_equal(v->first, first);
    assert_int_equal(v->last, last);
    assert_string_equal(v->required, "part-time (parallel) rows only");
    assert_string_equal(v->found, "a full-time block");
}

/* RAD-11 L535: keio and tokyo-mc only */
static void test_RAD11_L535_no_related_facility_complies(void **state)
{
    (void)state;
    fixture x = load("compliant");
    t_expect_compliant(x.m, NULL, x.p, "RAD-11");
    unload(&x);
}

/* RAD-11 L535 "非常勤医師として": part-time (a parallel row) at the related clinic complies */
static void test_RAD11_L535_part_time_at_related_complies(void **state)
{
    (void)state;
    fixture x = load("parallel-at-related");
    t_expect_compliant(x.m, NULL, x.p, "RAD-11");
    unload(&x);
}

/* RAD-11 L535 "常勤医師としてのローテート研修は行いません": a year in a block at the clinic */
static void test_RAD11_L535_block_at_related_violates(void **state)
{
    (void)state;
    fixture x = load("block-at-related");
    t_expect_violation(x.m, NULL, x.p, "RAD-11", 1);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, NULL, x.p, &f);
    assert_int_equal(f.count, 1);
    expect_finding(&x, &f, 0, 13, 24);
    assert_string_equal(f.items[0].message,
                        "resident r1 has a full-time block at clinic (months 13-24 (2020-04 to "
                        "2021-03)), where training is part-time only");
    rp_findings_free(&f);
    unload(&x);
}

/* RAD-11 L535: every block at the clinic is reported (months 7-9 and 25-26) */
static void test_RAD11_L535_each_block_at_related_reported(void **state)
{
    (void)state;
    fixture x = load("two-blocks-at-related");
    t_expect_violation(x.m, NULL, x.p, "RAD-11", 2);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, NULL, x.p, &f);
    expect_finding(&x, &f, 0, 7, 9);
    expect_finding(&x, &f, 1, 25, 26);
    rp_findings_free(&f);
    unload(&x);
}

/* RAD-11 in the real model, RULES.md C-2 "No related facility is named": the rule selects no
 * facility, a plan complies, and the describe sentence names related facilities */
static void test_RAD11_L95_real_model_has_no_related_facility(void **state)
{
    (void)state;
    rp_model *m = kt_model("RAD-11");
    for (size_t f = 0; f < m->n_facilities; f++)
        assert_int_not_equal(m->facilities[f].role, RP_ROLE_RELATED);
    rp_plan *p = t_plan_file(m, DIR "real-model.csv");
    t_expect_compliant(m, NULL, p, "RAD-11");
    for (size_t i = 0; i < m->n_rules; i++) {
        if (strcmp(m->rules[i].id, "RAD-11") != 0)
            continue;
        char *s = m->rules[i].kind->describe(&m->rules[i], m);
        assert_string_equal(s, "no full-time block at related facilities: part-time (parallel) "
                               "rows only");
        free(s);
    }
    rp_plan_free(p);
    rp_model_free(m);
}

/* ---- bad parameters (the tiny model of kind_test.h: params on line 12; `rel` is related) ---- */

static void test_RAD11_params_absent(void **state)
{
    (void)state;
    kt_bad_params("no-full-time-at", NULL,
                  "8:5: rule 'R-1' (kind 'no-full-time-at') needs params with key "
                  "'facilities'\n");
}

static void test_RAD11_params_facilities_missing(void **state)
{
    (void)state;
    kt_bad_params("no-full-time-at", " {}",
                  "12:13: missing key 'facilities' in params of rule 'R-1'\n");
}

static void test_RAD11_params_unknown_role_hint(void **state)
{
    (void)state;
    kt_bad_params("no-full-time-at", " {facilities: {role: relatd}}",
                  "12:33: unknown role 'relatd'; did you mean 'related'?\n");
}

static void test_RAD11_params_empty_selector(void **state)
{
    (void)state;
    kt_bad_params("no-full-time-at", " {facilities: {}}",
                  "12:26: empty facility selector in facilities; expected one of 'role', "
                  "'accreditation', 'rt_capable', 'ids'\n");
}

static void test_RAD11_params_unknown_facility(void **state)
{
    (void)state;
    kt_bad_params("no-full-time-at", " {facilities: {ids: [clinic]}}",
                  "12:33: unknown facility 'clinic'; expected one of keio, tokyo-mc, rel\n");
}

static void test_RAD11_params_duplicate_facility(void **state)
{
    (void)state;
    kt_bad_params("no-full-time-at", " {facilities: {ids: [rel, rel]}}",
                  "12:38: duplicate facility 'rel' in ids\n");
}

static void test_RAD11_params_good(void **state)
{
    (void)state;
    kt_good_params("no-full-time-at", " {facilities: {role: related}}");
    kt_good_params("no-full-time-at", " {facilities: {ids: [rel]}}");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_RAD11_L535_no_related_facility_complies),
        cmocka_unit_test(test_RAD11_L535_part_time_at_related_complies),
        cmocka_unit_test(test_RAD11_L535_block_at_related_violates),
        cmocka_unit_test(test_RAD11_L535_each_block_at_related_reported),
        cmocka_unit_test(test_RAD11_L95_real_model_has_no_related_facility),
        cmocka_unit_test(test_RAD11_params_absent),
        cmocka_unit_test(test_RAD11_params_facilities_missing),
        cmocka_unit_test(test_RAD11_params_unknown_role_hint),
        cmocka_unit_test(test_RAD11_params_empty_selector),
        cmocka_unit_test(test_RAD11_params_unknown_facility),
        cmocka_unit_test(test_RAD11_params_duplicate_facility),
        cmocka_unit_test(test_RAD11_params_good),
    };
    return T_RUN(tests);
}
