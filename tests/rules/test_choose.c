/*
 * test_choose.c: kind `choose`, k of n (issue 12: "3 of 小児・産婦・精神・外科・麻酔, 4 weeks
 * each"; "at least 3 internal-medicine departments", departments_of). On the second shipped
 * model, models/minami-general-2024.yaml (MG-13: 3 of its 4 internal-medicine departments, MG-14:
 * 2 of anaesthesiology, radiology and dermatology; fixtures in tests/rules/choose/,
 * structure_test.h), and on the tiny model of another shape (fields as items).
 */
#include "structure_test.h"

#define DIR "tests/rules/choose/"

/* MG-13: cardiology 6, gastroenterology 6, respiratory 12 and nephrology 12 weeks: 4 of 4. */
static void test_MG13_three_im_departments_complies(void **state)
{
    (void)state;
    st_compliant(DIR, "MG-13", "base");
}

/* MG-13: the same 32 IM weeks in cardiology and gastroenterology only: 2 departments. */
static void test_MG13_two_im_departments_violate(void **state)
{
    (void)state;
    st_violation(DIR, "MG-13", "im-2-departments", 1, 1, 104, "3 of 4, 6 weeks each", "2");
}

/* MG-13: a third department of 3 weeks is not chosen (6 weeks each). */
static void test_MG13_third_department_of_3_weeks_violates(void **state)
{
    (void)state;
    st_violation(DIR, "MG-13", "im-third-3-weeks", 1, 1, 104, "3 of 4, 6 weeks each", "2");
}

/* MG-14: anaesthesiology, radiology and dermatology in the base plan; with radiology and
 * dermatology replaced, 1 of 3. */
static void test_MG14_two_of_three_electives(void **state)
{
    (void)state;
    st_compliant(DIR, "MG-14", "base");
    st_violation(DIR, "MG-14", "one-elective", 1, 1, 104, "2 of 3, 4 weeks each", "1");
    kt_fixture x = st_load(DIR, "MG-14", "one-elective");
    char *msg = it_message(&x, "MG-14", 0);
    assert_non_null(strstr(msg, "in 1 of department anesthesiology; department radiology; "
                               "department dermatology; the programme asks for 2 of the 3"));
    free(msg);
    kt_unload(&x);
}

/* Another shape: 2 of the fields EM, ANES and GO, 8 weeks each, in year 2 only. */
static void test_tiny_fields_in_a_year(void **state)
{
    (void)state;
    rp_model *m = st_tiny("choose", "{choose: 2, fields: [EM, ANES, GO], weeks: 8, year: 2}");
    static const char *const ok[] = {"core,internal-medicine,1,52", "core,emergency,53,60",
                                     "core,anesthesiology,61,68",
                                     "core,internal-medicine,69,104"};
    /* 8 weeks of emergency, but in year 1: one item in year 2 */
    static const char *const bad[] = {"core,emergency,1,8", "core,internal-medicine,9,60",
                                      "core,anesthesiology,61,68",
                                      "core,internal-medicine,69,104"};
    rp_plan *p = st_tiny_plan(m, ok, 4);
    t_expect_compliant(m, NULL, p, "R-1");
    rp_plan_free(p);
    p = st_tiny_plan(m, bad, 4);
    t_expect_violation(m, NULL, p, "R-1", 1);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(m, NULL, p, &f);
    assert_string_equal(kt_nth(m, &f, "R-1", 0)->required, "2 of 3, 8 weeks each");
    assert_string_equal(kt_nth(m, &f, "R-1", 0)->found, "1");
    rp_findings_free(&f);
    rp_plan_free(p);
    rp_model_free(m);
}

/* ---- bad parameters (the tiny model of init_test.h: params on line 12) ---- */

static void test_params_choose_more_than_items(void **state)
{
    (void)state;
    it_bad_params("choose", " {choose: 3, fields: [EM, ANES], weeks: 4}",
                  "12:22: choose '3' is more than the 2 items listed; expected at most 2\n");
}

static void test_params_items_missing_or_twice(void **state)
{
    (void)state;
    it_bad_params("choose", " {choose: 1, weeks: 4}",
                  "8:5: rule 'R-1' needs exactly one of 'fields', 'departments' and "
                  "'departments_of' in its params\n");
    it_bad_params("choose", " {choose: 1, weeks: 4, fields: [EM], departments_of: IM}",
                  "8:5: rule 'R-1' needs exactly one of 'fields', 'departments' and "
                  "'departments_of' in its params\n");
}

static void test_params_department_listed_twice(void **state)
{
    (void)state;
    it_bad_params("choose", " {choose: 1, weeks: 4, departments: [emergency, emergency]}",
                  "12:48: department 'emergency' is listed twice; expected distinct "
                  "departments\n");
}

static void test_params_unknown_field_of(void **state)
{
    (void)state;
    it_bad_params("choose", " {choose: 1, weeks: 4, departments_of: 内科}",
                  "12:51: unknown field '内科'; expected one of IM, EM, SURG, PED, OBGYN, PSY, "
                  "CM, GO, ANES, PH, ORIENT, ELECT\n");
}

static void test_params_weeks_zero(void **state)
{
    (void)state;
    it_bad_params("choose", " {choose: 1, weeks: 0, fields: [EM]}",
                  "12:32: weeks '0' is out of range; expected a whole number from 1 to 104\n");
}

/* departments_of IM in the tiny group: one department id (internal-medicine); choose 2 is too
 * many, choose 1 loads. */
static void test_params_departments_of(void **state)
{
    (void)state;
    it_bad_params("choose", " {choose: 2, weeks: 4, departments_of: IM}",
                  "12:22: choose '2' is more than the 1 items listed; expected at most 1\n");
    it_good_params("choose", " {choose: 1, weeks: 4, departments_of: IM}");
    it_good_params("choose", " {choose: 2, weeks: 4, fields: [EM, ANES, GO], periods: [1, 52]}");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_MG13_three_im_departments_complies),
        cmocka_unit_test(test_MG13_two_im_departments_violate),
        cmocka_unit_test(test_MG13_third_department_of_3_weeks_violates),
        cmocka_unit_test(test_MG14_two_of_three_electives),
        cmocka_unit_test(test_tiny_fields_in_a_year),
        cmocka_unit_test(test_params_choose_more_than_items),
        cmocka_unit_test(test_params_items_missing_or_twice),
        cmocka_unit_test(test_params_department_listed_twice),
        cmocka_unit_test(test_params_unknown_field_of),
        cmocka_unit_test(test_params_weeks_zero),
        cmocka_unit_test(test_params_departments_of),
    };
    return T_RUN(tests);
}
