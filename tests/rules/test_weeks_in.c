/*
 * test_weeks_in.c: kind `weeks-in`, a minimum or maximum of weeks in some places, over the
 * programme or a window of it (issue 12: "内科 24 weeks in year 1", "free choice at most 40
 * weeks"; a facility's maximum against residents parked at partners). On the second shipped
 * model, models/minami-general-2024.yaml (MG-10, MG-11, MG-17, MG-18; fixtures in
 * tests/rules/weeks_in/, structure_test.h), and on the tiny model of another shape.
 */
#include "structure_test.h"

#define DIR "tests/rules/weeks_in/"

/* The base plan of every structure-kind test breaks no rule of minami-general-2024, and the rows
 * of every rule accept it, plain and shaped (the pieces of its block lengths, MG-01 and MG-02).
 * Its one finding is INIT-53's warning (soft): 4 weeks at the 協力型 hospital kita, not 8. */
static void test_base_plan_complies_with_every_rule(void **state)
{
    (void)state;
    kt_fixture x = st_load(DIR, NULL, "base");
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, x.c, x.p, &f);
    assert_int_equal(f.count, 1);
    assert_int_equal(kt_count(x.m, &f, "INIT-53", RP_LEVEL_WARNING), 1);
    rp_findings_free(&f);
    assert_int_equal(t_rows_accept(x.m, x.c, x.p, true, NULL), 1);
    assert_int_equal(t_rows_accept(x.m, x.c, x.p, false, NULL), 1);
    kt_unload(&x);
}

/* MG-10 (内科 24 weeks in year 1): the base plan's 24 weeks, weeks 1-24. */
static void test_MG10_im_24_weeks_in_year_1_complies(void **state)
{
    (void)state;
    st_compliant(DIR, "MG-10", "base");
}

/* MG-10: respiratory cut to 4 weeks in year 1 and 4 IM weeks moved to year 2: 28 IM weeks in
 * all, 20 in year 1. The finding spans year 1 (weeks 1-52). */
static void test_MG10_im_20_weeks_in_year_1_violates(void **state)
{
    (void)state;
    st_violation(DIR, "MG-10", "im-20-in-year-1", 1, 1, 52, "at least 24 weeks", "20 weeks");
}

/* MG-11 (救命救急センター 8 weeks in year 1): er 4 weeks in year 1 and 8 in year 2 fail it. */
static void test_MG11_er_4_weeks_in_year_1_violates(void **state)
{
    (void)state;
    st_compliant(DIR, "MG-11", "base");
    st_violation(DIR, "MG-11", "er-4-in-year-1", 1, 1, 52, "at least 8 weeks", "4 weeks");
}

/* MG-17 (free choice at most 40 weeks: radiology and dermatology here): 40 weeks of electives
 * comply, 44 do not; the finding spans the programme. */
static void test_MG17_free_choice_maximum(void **state)
{
    (void)state;
    st_compliant(DIR, "MG-17", "base");
    st_compliant(DIR, "MG-17", "elect-40");
    st_violation(DIR, "MG-17", "elect-44", 1, 1, 104, "at most 40 weeks", "44 weeks");
}

/* MG-18 (at most 12 weeks at kita, whatever the department): psychiatry 4 and pediatrics 12
 * there make 16. */
static void test_MG18_facility_maximum(void **state)
{
    (void)state;
    st_compliant(DIR, "MG-18", "base");
    st_violation(DIR, "MG-18", "kita-16", 1, 1, 104, "at most 12 weeks", "16 weeks");
    kt_fixture x = st_load(DIR, "MG-18", "kita-16");
    char *msg = it_message(&x, "MG-18", 0);
    assert_non_null(strstr(msg, "16 weeks in kita"));
    free(msg);
    kt_unload(&x);
}

/* Another shape: the tiny group, emergency at core 4 to 8 weeks in weeks 53-104 (a period
 * window), counted by department and facility together. */
static void test_tiny_window_by_periods_min_and_max(void **state)
{
    (void)state;
    rp_model *m = st_tiny("weeks-in", "{departments: [emergency], facilities: [core], periods: "
                                      "[53, 104], min: 4, max: 8}");
    static const char *const ok[] = {"core,emergency,1,52", "core,internal-medicine,53,96",
                                     "core,emergency,97,104"};
    static const char *const low[] = {"core,emergency,1,52", "core,internal-medicine,53,101",
                                      "core,emergency,102,104"};
    static const char *const high[] = {"core,internal-medicine,1,52", "core,emergency,53,64",
                                       "core,general-outpatient,65,104"};
    rp_plan *p = st_tiny_plan(m, ok, 3);
    t_expect_compliant(m, NULL, p, "R-1");
    rp_plan_free(p);
    p = st_tiny_plan(m, low, 3);
    t_expect_violation(m, NULL, p, "R-1", 1);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(m, NULL, p, &f);
    assert_string_equal(kt_nth(m, &f, "R-1", 0)->found, "3 weeks");
    assert_int_equal(kt_nth(m, &f, "R-1", 0)->first, 53);
    rp_findings_free(&f);
    rp_plan_free(p);
    p = st_tiny_plan(m, high, 3);
    t_expect_violation(m, NULL, p, "R-1", 1);
    kt_check(m, NULL, p, &f);
    assert_string_equal(kt_nth(m, &f, "R-1", 0)->required, "at most 8 weeks");
    assert_string_equal(kt_nth(m, &f, "R-1", 0)->found, "12 weeks");
    rp_findings_free(&f);
    rp_plan_free(p);
    rp_model_free(m);
}

/* ---- bad parameters (the tiny model of init_test.h: params on line 12) ---- */

static void test_params_no_places(void **state)
{
    (void)state;
    it_bad_params("weeks-in", " {min: 4}",
                  "8:5: rule 'R-1' needs at least one of 'fields', 'departments' and "
                  "'facilities' in its params\n");
}

static void test_params_no_amount(void **state)
{
    (void)state;
    it_bad_params("weeks-in", " {fields: [IM]}",
                  "8:5: rule 'R-1' needs 'min', 'max' or both in its params\n");
}

static void test_params_max_below_min(void **state)
{
    (void)state;
    it_bad_params("weeks-in", " {fields: [IM], min: 8, max: 4}",
                  "12:41: max '4' is below min 8; expected max >= min\n");
}

static void test_params_year_out_of_range(void **state)
{
    (void)state;
    it_bad_params("weeks-in", " {fields: [IM], year: 3, min: 4}",
                  "12:34: year '3' is out of range; expected a whole number from 1 to 2\n");
}

static void test_params_year_and_periods(void **state)
{
    (void)state;
    it_bad_params("weeks-in", " {fields: [IM], year: 1, periods: [1, 4], min: 4}",
                  "8:5: rule 'R-1' needs at most one of 'year' and 'periods' in its params\n");
}

static void test_params_periods_reversed(void **state)
{
    (void)state;
    it_bad_params("weeks-in", " {fields: [IM], periods: [20, 4], min: 4}",
                  "12:42: last period '4' is out of range; expected a whole number from 20 to "
                  "104\n");
}

static void test_params_unknown_department_and_facility(void **state)
{
    (void)state;
    it_bad_params("weeks-in", " {departments: [cardio], facilities: [town], max: 4}",
                  "12:28: unknown department 'cardio'; expected a department of the model\n"
                  "12:50: unknown facility 'town'; expected a facility of the model\n");
}

/* A model in months: the kind counts weeks, refused at the rule until it reads months. */
static void test_params_month_calendar_refused(void **state)
{
    (void)state;
    kt_bad_params("weeks-in", " {facilities: [keio], min: 4}",
                  "8:5: rule 'R-1' (kind 'weeks-in') counts weeks; the model's calendar is in "
                  "months (unit: week expected)\n");
}

static void test_params_good(void **state)
{
    (void)state;
    it_good_params("weeks-in", " {fields: [IM], year: 1, min: 24}");
    it_good_params("weeks-in", " {fields: [ELECT], max: 40}");
    it_good_params("weeks-in", " {facilities: [clinic], periods: [53, 104], min: 4, max: 12}");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_base_plan_complies_with_every_rule),
        cmocka_unit_test(test_MG10_im_24_weeks_in_year_1_complies),
        cmocka_unit_test(test_MG10_im_20_weeks_in_year_1_violates),
        cmocka_unit_test(test_MG11_er_4_weeks_in_year_1_violates),
        cmocka_unit_test(test_MG17_free_choice_maximum),
        cmocka_unit_test(test_MG18_facility_maximum),
        cmocka_unit_test(test_tiny_window_by_periods_min_and_max),
        cmocka_unit_test(test_params_no_places),
        cmocka_unit_test(test_params_no_amount),
        cmocka_unit_test(test_params_max_below_min),
        cmocka_unit_test(test_params_year_out_of_range),
        cmocka_unit_test(test_params_year_and_periods),
        cmocka_unit_test(test_params_periods_reversed),
        cmocka_unit_test(test_params_unknown_department_and_facility),
        cmocka_unit_test(test_params_month_calendar_refused),
        cmocka_unit_test(test_params_good),
    };
    return T_RUN(tests);
}
