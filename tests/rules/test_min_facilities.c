/*
 * test_min_facilities.c: kind `min-facilities` (RAD-05: "必ず専門研修施設群の複数の施設を
 * ローテート研修します", 003 §7-1 L535): every resident is present at 2 or more facilities, where
 * presence excludes leave (D-9) and study abroad holds no facility. Fixtures in
 * tests/rules/min_facilities/: one resident r1 of cohort 2019.
 */
#include "kind_test.h"

#define DIR "tests/rules/min_facilities/"

typedef kt_fixture fixture;

static fixture load(const char *plan, const char *residents)
{
    return kt_load(kt_model("RAD-05"), DIR, plan, residents);
}

static void unload(fixture *x)
{
    kt_unload(x);
}

/* One violation: check (with its strings) and rows. */
static void expect_one_facility(const char *plan, const char *residents)
{
    fixture x = load(plan, residents);
    t_expect_violation(x.m, x.c, x.p, "RAD-05", 1);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, x.c, x.p, &f);
    assert_int_equal(f.count, 1);
    const rp_finding *v = kt_nth(x.m, &f, "RAD-05", 0);
    assert_int_equal(v->resident, 0);
    assert_int_equal(v->facility, RP_NONE);
    assert_int_equal(v->first, 1);
    assert_int_equal(v->last, 36);
    assert_string_equal(v->required, "at least 2 facilities");
    assert_string_equal(v->found, "1");
    assert_string_equal(v->message, "resident r1 trains at 1 facility; at least 2 are required");
    rp_findings_free(&f);
    unload(&x);
}

/* RAD-05 L535 "複数の施設をローテート研修します": keio, then tokyo-mc */
static void test_RAD05_L535_two_facilities_comply(void **state)
{
    (void)state;
    fixture x = load("two", NULL);
    t_expect_compliant(x.m, x.c, x.p, "RAD-05");
    unload(&x);
}

/* RAD-05 L535 "必ず…複数の施設": three years at keio */
static void test_RAD05_L535_one_facility_violates(void **state)
{
    (void)state;
    expect_one_facility("one", NULL);
}

/* RAD-05 L535 "複数の施設をローテート研修", D-9: the only tokyo-mc months are sickness leave;
 * tokyo-mc is not trained at */
static void test_RAD05_D9_facility_held_on_leave_only_violates(void **state)
{
    (void)state;
    fixture x = load("second-3-months", NULL);
    t_expect_compliant(x.m, x.c, x.p, "RAD-05"); /* without the leave: two facilities */
    unload(&x);
    expect_one_facility("second-3-months", "sick-at-tokyo-mc");
}

/* RAD-05 L535, RAD-25 "留学期間…は、研修期間にカウントできません" (L781): study abroad is no
 * facility (none): keio alone */
static void test_RAD05_L781_abroad_is_no_facility(void **state)
{
    (void)state;
    expect_one_facility("abroad", "abroad");
}

/* RAD-05 L535, RAD-11 L535 (関連施設 "非常勤医師として"): a part-time (parallel) row is no
 * rotation: keio in blocks plus a parallel row at tokyo-mc is one facility */
static void test_RAD05_L535_parallel_row_is_no_rotation(void **state)
{
    (void)state;
    expect_one_facility("one-with-parallel", NULL);
}

/* ---- bad parameters (the tiny model of kind_test.h: params on line 12) ---- */

static void test_RAD05_params_count_missing(void **state)
{
    (void)state;
    kt_bad_params("min-facilities", " {}", "12:13: missing key 'count' in params of rule 'R-1'\n");
}

static void test_RAD05_params_absent(void **state)
{
    (void)state;
    kt_bad_params("min-facilities", NULL,
                  "8:5: rule 'R-1' (kind 'min-facilities') needs params with key 'count'\n");
}

static void test_RAD05_params_count_zero(void **state)
{
    (void)state;
    kt_bad_params("min-facilities", " {count: 0}",
                  "12:21: count '0' is out of range; expected a whole number from 1 to 1000\n");
}

static void test_RAD05_params_count_negative(void **state)
{
    (void)state;
    kt_bad_params("min-facilities", " {count: -2}",
                  "12:21: count '-2' is out of range; expected a whole number from 1 to 1000\n");
}

static void test_RAD05_params_count_not_a_number(void **state)
{
    (void)state;
    kt_bad_params("min-facilities", " {count: two}",
                  "12:21: count 'two' is not a whole number; expected a whole number from 1 to "
                  "1000\n");
}

static void test_RAD05_params_unknown_key_hint(void **state)
{
    (void)state;
    kt_bad_params("min-facilities", " {count: 2, cuont: 3}",
                  "12:24: unknown key 'cuont' in params of rule 'R-1'; did you mean 'count'?\n");
}

static void test_RAD05_params_good(void **state)
{
    (void)state;
    kt_good_params("min-facilities", " {count: 2}");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_RAD05_L535_two_facilities_comply),
        cmocka_unit_test(test_RAD05_L535_one_facility_violates),
        cmocka_unit_test(test_RAD05_D9_facility_held_on_leave_only_violates),
        cmocka_unit_test(test_RAD05_L781_abroad_is_no_facility),
        cmocka_unit_test(test_RAD05_L535_parallel_row_is_no_rotation),
        cmocka_unit_test(test_RAD05_params_count_missing),
        cmocka_unit_test(test_RAD05_params_absent),
        cmocka_unit_test(test_RAD05_params_count_zero),
        cmocka_unit_test(test_RAD05_params_count_negative),
        cmocka_unit_test(test_RAD05_params_count_not_a_number),
        cmocka_unit_test(test_RAD05_params_unknown_key_hint),
        cmocka_unit_test(test_RAD05_params_good),
    };
    return T_RUN(tests);
}
