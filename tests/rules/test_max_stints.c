/*
 * test_max_stints.c: kind `max-stints`, at most N separate stints of a field (issue 12: "a
 * resident goes to psychiatry four separate times"). On the second shipped model,
 * models/minami-general-2024.yaml (MG-19: psychiatry in one stint, MG-20: community medicine in
 * one stint; fixtures in tests/rules/max_stints/, structure_test.h), and on the tiny model of
 * another shape (a set of two departments, moving between them without a week elsewhere).
 */
#include "structure_test.h"

#define DIR "tests/rules/max_stints/"

/* MG-19: psychiatry 53-56, one stint; 8 weeks in one stint (53-60) comply too. */
static void test_MG19_one_stint_complies(void **state)
{
    (void)state;
    st_compliant(DIR, "MG-19", "base");
    st_compliant(DIR, "MG-19", "psy-8-one-stint");
    st_compliant(DIR, "MG-20", "base");
}

/* MG-19: psychiatry 53-56 and 89-92: two stints; the finding spans the first to the last week. */
static void test_MG19_two_stints_violate(void **state)
{
    (void)state;
    st_violation(DIR, "MG-19", "psy-2", 1, 53, 92, "at most 1 stint", "2 stints");
    kt_fixture x = st_load(DIR, "MG-19", "psy-2");
    char *msg = it_message(&x, "MG-19", 0);
    assert_non_null(strstr(msg, "psychiatry (精神科) in 2 separate stints"));
    free(msg);
    kt_unload(&x);
}

/* Another shape: emergency and anaesthesiology as one set, at most 2 stints. Emergency straight
 * into anaesthesiology is one stint; a third return is one too many. */
static void test_tiny_two_departments_one_set(void **state)
{
    (void)state;
    rp_model *m = st_tiny("max-stints", "{departments: [emergency, anesthesiology], stints: 2}");
    static const char *const ok[] = {"core,emergency,1,8", "core,anesthesiology,9,12",
                                     "core,internal-medicine,13,60", "core,emergency,61,64",
                                     "core,internal-medicine,65,104"};
    static const char *const bad[] = {"core,emergency,1,8", "core,internal-medicine,9,12",
                                      "core,anesthesiology,13,16",
                                      "core,internal-medicine,17,60", "core,emergency,61,64",
                                      "core,internal-medicine,65,104"};
    rp_plan *p = st_tiny_plan(m, ok, 5);
    t_expect_compliant(m, NULL, p, "R-1");
    rp_plan_free(p);
    p = st_tiny_plan(m, bad, 6);
    t_expect_violation(m, NULL, p, "R-1", 1);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(m, NULL, p, &f);
    assert_string_equal(kt_nth(m, &f, "R-1", 0)->found, "3 stints");
    assert_int_equal(kt_nth(m, &f, "R-1", 0)->first, 1);
    assert_int_equal(kt_nth(m, &f, "R-1", 0)->last, 64);
    rp_findings_free(&f);
    rp_plan_free(p);
    rp_model_free(m);
}

/* ---- bad parameters (the tiny model of init_test.h: params on line 12) ---- */

static void test_params_stints_missing(void **state)
{
    (void)state;
    it_bad_params("max-stints", " {fields: [EM]}",
                  "12:13: missing key 'stints' in params of rule 'R-1'\n");
}

static void test_params_stints_zero(void **state)
{
    (void)state;
    it_bad_params("max-stints", " {fields: [EM], stints: 0}",
                  "12:36: stints '0' is out of range; expected a whole number from 1 to 1000\n");
}

static void test_params_no_places(void **state)
{
    (void)state;
    it_bad_params("max-stints", " {stints: 1}",
                  "8:5: rule 'R-1' needs at least one of 'fields', 'departments' and "
                  "'facilities' in its params\n");
}

static void test_params_good(void **state)
{
    (void)state;
    it_good_params("max-stints", " {fields: [CM], stints: 1}");
    it_good_params("max-stints", " {facilities: [clinic], stints: 2}");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_MG19_one_stint_complies),
        cmocka_unit_test(test_MG19_two_stints_violate),
        cmocka_unit_test(test_tiny_two_departments_one_set),
        cmocka_unit_test(test_params_stints_missing),
        cmocka_unit_test(test_params_stints_zero),
        cmocka_unit_test(test_params_no_places),
        cmocka_unit_test(test_params_good),
    };
    return T_RUN(tests);
}
