/*
 * test_field_order.c: kind `field-order` (issue 12: "pediatrics or obstetrics in year 1 and the
 * other in year 2"; "A before B"). On the second shipped model, models/minami-general-2024.yaml
 * (MG-15: PED and OBGYN in separate years, MG-16: emergency before community medicine; fixtures
 * in tests/rules/field_order/, structure_test.h), and on the tiny model of another shape.
 */
#include "structure_test.h"

#define DIR "tests/rules/field_order/"

/* MG-15: pediatrics 37-40 (year 1), obstetrics 61-64 (year 2). */
static void test_MG15_separate_years_complies(void **state)
{
    (void)state;
    st_compliant(DIR, "MG-15", "base");
}

/* MG-15: obstetrics moved to 49-52: both in year 1. */
static void test_MG15_both_in_year_1_violates(void **state)
{
    (void)state;
    st_violation(DIR, "MG-15", "ped-obgyn-year-1", 1, 1, 104, "one of them a year",
                 "two in one year");
    kt_fixture x = st_load(DIR, "MG-15", "ped-obgyn-year-1");
    char *msg = it_message(&x, "MG-15", 0);
    assert_non_null(strstr(msg, "in year 1"));
    free(msg);
    kt_unload(&x);
}

/* MG-15: pediatrics again in year 2 (65-68): pediatrics in both years, and year 2 holds both
 * fields: two findings. */
static void test_MG15_pediatrics_in_both_years_violates(void **state)
{
    (void)state;
    kt_fixture x = st_load(DIR, "MG-15", "ped-both-years");
    t_expect_violation(x.m, x.c, x.p, "MG-15", 2);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, x.c, x.p, &f);
    bool one_year = false, two_in_one = false;
    for (size_t k = 0; k < 2; k++) {
        const rp_finding *v = kt_nth(x.m, &f, "MG-15", k);
        one_year = one_year || strcmp(v->found, "both years") == 0;
        two_in_one = two_in_one || strcmp(v->found, "two in one year") == 0;
    }
    assert_true(one_year && two_in_one);
    rp_findings_free(&f);
    kt_unload(&x);
}

/* MG-16: every emergency week (29-36) before community medicine (57-60); emergency right up to
 * the week before community medicine (53-56) still complies. */
static void test_MG16_emergency_before_community_complies(void **state)
{
    (void)state;
    st_compliant(DIR, "MG-16", "base");
    st_compliant(DIR, "MG-16", "er-just-before-cm");
}

/* MG-16: emergency 89-96, after community medicine began in week 57: the finding spans 57-96. */
static void test_MG16_emergency_after_community_violates(void **state)
{
    (void)state;
    st_violation(DIR, "MG-16", "er-after-cm", 1, 57, 96, "every week before",
                 "week 96 after week 57");
}

/* Another shape: internal medicine before anaesthesiology and general outpatient together. */
static void test_tiny_before_after_with_two_fields(void **state)
{
    (void)state;
    rp_model *m = st_tiny("field-order", "{before: [IM], after: [ANES, GO]}");
    static const char *const ok[] = {"core,internal-medicine,1,60", "core,general-outpatient,61,64",
                                     "core,emergency,65,100", "core,anesthesiology,101,104"};
    static const char *const bad[] = {"core,internal-medicine,1,60",
                                      "core,general-outpatient,61,64",
                                      "core,internal-medicine,65,68", "core,emergency,69,104"};
    rp_plan *p = st_tiny_plan(m, ok, 4);
    t_expect_compliant(m, NULL, p, "R-1");
    rp_plan_free(p);
    p = st_tiny_plan(m, bad, 4);
    t_expect_violation(m, NULL, p, "R-1", 1);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(m, NULL, p, &f);
    assert_int_equal(kt_nth(m, &f, "R-1", 0)->first, 61);
    assert_int_equal(kt_nth(m, &f, "R-1", 0)->last, 68);
    rp_findings_free(&f);
    rp_plan_free(p);
    rp_model_free(m);
}

/* ---- bad parameters (the tiny model of init_test.h: params on line 12) ---- */

static void test_params_forms(void **state)
{
    (void)state;
    static const char *const msg =
        "8:5: rule 'R-1' needs 'before' and 'after', or 'separate_years' alone, in its params\n";
    it_bad_params("field-order", " {before: [IM]}", msg);
    it_bad_params("field-order", " {before: [IM], after: [EM], separate_years: [PED, OBGYN]}",
                  msg);
}

static void test_params_field_before_and_after(void **state)
{
    (void)state;
    it_bad_params("field-order", " {before: [IM, EM], after: [EM]}",
                  "12:39: field 'EM' is both before and after; expected distinct fields\n");
}

static void test_params_separate_years_count(void **state)
{
    (void)state;
    it_bad_params("field-order", " {separate_years: [PED, OBGYN, PSY]}",
                  "12:30: separate_years lists 3 fields; expected 2 to 2 (one a year)\n");
    it_bad_params("field-order", " {separate_years: [PED]}",
                  "12:30: separate_years lists 1 fields; expected 2 to 2 (one a year)\n");
}

static void test_params_good(void **state)
{
    (void)state;
    it_good_params("field-order", " {separate_years: [PED, OBGYN]}");
    it_good_params("field-order", " {before: [EM], after: [CM]}");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_MG15_separate_years_complies),
        cmocka_unit_test(test_MG15_both_in_year_1_violates),
        cmocka_unit_test(test_MG15_pediatrics_in_both_years_violates),
        cmocka_unit_test(test_MG16_emergency_before_community_complies),
        cmocka_unit_test(test_MG16_emergency_after_community_violates),
        cmocka_unit_test(test_tiny_before_after_with_two_fields),
        cmocka_unit_test(test_params_forms),
        cmocka_unit_test(test_params_field_before_and_after),
        cmocka_unit_test(test_params_separate_years_count),
        cmocka_unit_test(test_params_good),
    };
    return T_RUN(tests);
}
