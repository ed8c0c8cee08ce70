/*
 * test_intake_by_beds.c: kind `intake-by-beds`, the residents of both programme years of a core
 * hospital at most max(beds / 10, admissions / 100) (RULES.md INIT-71, from a secondary page
 * quoting the 施行通知, E-1; seed 000 is silent, so the cases cite RULES.md). The example core has
 * 520 beds (52 residents); the cases shrink it in the loaded model. Fixtures in
 * tests/rules/intake_by_beds/: two residents on base.csv (init_test.h).
 *
 * An intake rule has no rows: the cohort is input to the ILP, not a decision of it. So the rows
 * accept every plan, and check alone judges the intake (asserted below).
 */
#include "init_test.h"

#define DIR "tests/rules/intake_by_beds/"
#define ID "INIT-71"

/* The twin of an intake rule: check finds n violations, the rows (which it has none of) accept
 * the plan. */
static void expect_intake(const it_fixture *x, size_t n)
{
    assert_int_equal(t_violations(x->m, x->c, x->p, ID), n);
    assert_int_equal(t_rows_accept(x->m, x->c, x->p, true, NULL), 1);
    assert_int_equal(t_rows_accept(x->m, x->c, x->p, false, NULL), 1);
}

/* INIT-71 (RULES.md [web]: "原則として、研修医数は 病床数÷10以下 または 年間入院患者数÷100以下
 * …（1年次・2年次の合計）"): one resident of 2020 and one of 2021 at the 520-bed core. */
static void test_INIT71_two_residents_at_520_beds_comply(void **state)
{
    (void)state;
    it_fixture x = it_load(DIR, ID, "two-cohorts", NULL);
    expect_intake(&x, 0);
    it_unload(&x);
}

/* INIT-71 (as above, "1年次・2年次の合計"): with 10 beds (1 resident), the two are in training
 * together in 2021. */
static void test_INIT71_both_years_together_over_the_limit_violate(void **state)
{
    (void)state;
    it_fixture x = it_load(DIR, ID, "two-cohorts", NULL);
    it_facility(x.m, "core")->beds = 10;
    expect_intake(&x, 1);
    it_expect_finding(&x, ID, 0, RP_LEVEL_VIOLATION, RP_NONE, "-", 0, 0, "at most 1", "2");
    char *msg = it_message(&x, ID, 0);
    assert_string_equal(msg, "2 residents are in training in 2021 (cohorts 2020 and 2021); the "
                             "core hospital may hold 1");
    free(msg);
    it_unload(&x);
}

/* INIT-71 (as above, "または 年間入院患者数÷100以下"): the same with 200 admissions a year: the
 * larger limit, 2, holds. */
static void test_INIT71_admissions_give_the_larger_limit(void **state)
{
    (void)state;
    it_fixture x = it_load(DIR, ID, "two-cohorts", NULL);
    it_facility(x.m, "core")->beds = 10;
    it_facility(x.m, "core")->admissions = 200;
    expect_intake(&x, 0);
    it_unload(&x);
}

/* INIT-71 (as above, "病床数÷10以下"): 19 beds hold 1 resident, not 1.9; two of 2020 are over it
 * in 2020 and again in 2021. */
static void test_INIT71_limit_rounds_down_and_each_year_is_reported(void **state)
{
    (void)state;
    it_fixture x = it_load(DIR, ID, "two-in-2020", NULL);
    it_facility(x.m, "core")->beds = 19;
    expect_intake(&x, 2);
    char *a = it_message(&x, ID, 0), *b = it_message(&x, ID, 1);
    assert_non_null(strstr(a, "in training in 2020"));
    assert_non_null(strstr(b, "in training in 2021"));
    free(a);
    free(b);
    it_unload(&x);
}

/* INIT-71 (RULES.md: "when the model gives beds or admissions"): a core with neither has no
 * limit. */
static void test_INIT71_core_without_beds_or_admissions_has_no_limit(void **state)
{
    (void)state;
    it_fixture x = it_load(DIR, ID, "two-in-2020", NULL);
    it_facility(x.m, "core")->beds = -1;
    expect_intake(&x, 0);
    it_unload(&x);
}

/* ---- bad parameters (the tiny model of init_test.h: params on line 12) ---- */

static void test_INIT71_params_admissions_missing(void **state)
{
    (void)state;
    it_bad_params("intake-by-beds", " {beds_per_resident: 10}",
                  "12:13: missing key 'admissions_per_resident' in params of rule 'R-1'\n");
}

static void test_INIT71_params_beds_per_resident_zero(void **state)
{
    (void)state;
    it_bad_params("intake-by-beds", " {beds_per_resident: 0, admissions_per_resident: 100}",
                  "12:33: beds_per_resident '0' is out of range; expected a number from 1 to "
                  "1e+06\n");
}

static void test_INIT71_params_good(void **state)
{
    (void)state;
    it_good_params("intake-by-beds", " {beds_per_resident: 10, admissions_per_resident: 100}");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_INIT71_two_residents_at_520_beds_comply),
        cmocka_unit_test(test_INIT71_both_years_together_over_the_limit_violate),
        cmocka_unit_test(test_INIT71_admissions_give_the_larger_limit),
        cmocka_unit_test(test_INIT71_limit_rounds_down_and_each_year_is_reported),
        cmocka_unit_test(test_INIT71_core_without_beds_or_admissions_has_no_limit),
        cmocka_unit_test(test_INIT71_params_admissions_missing),
        cmocka_unit_test(test_INIT71_params_beds_per_resident_zero),
        cmocka_unit_test(test_INIT71_params_good),
    };
    return T_RUN(tests);
}
