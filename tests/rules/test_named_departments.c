/*
 * test_named_departments.c: the departments a model names for two national rules (issue 12):
 * kind field-minimum's counted_departments/counted_weeks, the general form of INIT-23 (a
 * department counted toward another field up to a cap: here minami's two anaesthesiology
 * departments, theatre and ICU, toward emergency, 4 weeks in all), and kind min-block's departments list (INIT-22's emergency
 * department named by the model: minami-general-2024's 救命救急センター is `er`). On
 * models/minami-general-2024.yaml (fixtures in tests/rules/named_departments/, structure_test.h)
 * and on the tiny model of another shape.
 */
#include "structure_test.h"

#define DIR "tests/rules/named_departments/"

/* INIT-12, 000 Q49 (L66) "麻酔科…4週を上限として…代替え": er 8 weeks + anaesthesiology 4. */
static void test_INIT12_er_8_anesthesiology_4_complies(void **state)
{
    (void)state;
    st_compliant(DIR, "INIT-12", "base");
}

/* INIT-12: er 8 weeks + ICU 8: the ICU counts for 4 weeks only, 12 in all. */
static void test_INIT12_icu_counts_up_to_the_cap(void **state)
{
    (void)state;
    st_compliant(DIR, "INIT-12", "er-8-icu-8");
}

/* INIT-12: er 4 weeks + ICU 12 (anaesthesiology replaced): 4 + 4 = 8 weeks. */
static void test_INIT12_er_4_icu_8_violates(void **state)
{
    (void)state;
    st_violation(DIR, "INIT-12", "er-4-icu-8", 1, 1, 104, "12 weeks (60 days)",
                 "8 weeks (40 days)");
}

/* INIT-12: er 4 + anaesthesiology 4 + ICU 4: the cap is shared, 8 weeks. */
static void test_INIT12_cap_shared_by_the_departments(void **state)
{
    (void)state;
    st_violation(DIR, "INIT-12", "er-4-anes-4-icu-4", 1, 1, 104, "12 weeks (60 days)",
                 "8 weeks (40 days)");
}

/* INIT-22, 000 Q23 (L36): the base plan's 8 weeks in `er`; 3 weeks are not a block of 4. */
static void test_INIT22_named_emergency_department(void **state)
{
    (void)state;
    st_compliant(DIR, "INIT-22", "base");
    st_violation(DIR, "INIT-22", "er-3", 1, 1, 104, "a block of 4 weeks or more in er",
                 "3 weeks at most");
}

/* Another shape: the tiny group's general-outpatient counted toward IM for at most 2 weeks
 * (a programme's reading, for the test), IM 10 weeks. */
static void test_tiny_counted_toward_internal_medicine(void **state)
{
    (void)state;
    rp_model *m = st_tiny("field-minimum", "{fields: [IM], weeks: 10, counted_departments: "
                                           "[anesthesiology], counted_weeks: 2}");
    static const char *const ok[] = {"core,internal-medicine,1,8", "core,anesthesiology,9,12",
                                     "core,emergency,13,104"};
    static const char *const bad[] = {"core,internal-medicine,1,7", "core,anesthesiology,8,12",
                                      "core,emergency,13,104"};
    rp_plan *p = st_tiny_plan(m, ok, 3);
    t_expect_compliant(m, NULL, p, "R-1");
    rp_plan_free(p);
    p = st_tiny_plan(m, bad, 3);
    t_expect_violation(m, NULL, p, "R-1", 1);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(m, NULL, p, &f);
    assert_string_equal(kt_nth(m, &f, "R-1", 0)->found, "9 weeks (45 days)");
    rp_findings_free(&f);
    rp_plan_free(p);
    rp_model_free(m);
}

/* Another shape: min-block over two department ids; a run across both is one block. */
static void test_tiny_min_block_over_two_departments(void **state)
{
    (void)state;
    rp_model *m = st_tiny("min-block", "{departments: [emergency, anesthesiology], weeks: 6}");
    static const char *const ok[] = {"core,internal-medicine,1,8", "core,emergency,9,11",
                                     "core,anesthesiology,12,14", "core,internal-medicine,15,104"};
    static const char *const bad[] = {"core,internal-medicine,1,8", "core,emergency,9,11",
                                      "core,internal-medicine,12,12",
                                      "core,anesthesiology,13,15",
                                      "core,internal-medicine,16,104"};
    rp_plan *p = st_tiny_plan(m, ok, 4);
    t_expect_compliant(m, NULL, p, "R-1");
    rp_plan_free(p);
    p = st_tiny_plan(m, bad, 5);
    t_expect_violation(m, NULL, p, "R-1", 1);
    rp_plan_free(p);
    rp_model_free(m);
}

/* ---- bad parameters (the tiny model of init_test.h: params on line 12) ---- */

static void test_params_counted_needs_both(void **state)
{
    (void)state;
    it_bad_params("field-minimum", " {fields: [EM], weeks: 12, counted_weeks: 4}",
                  "8:5: rule 'R-1' needs both 'counted_departments' and 'counted_weeks' in its "
                  "params, or neither\n");
}

static void test_params_counted_unknown_department(void **state)
{
    (void)state;
    it_bad_params("field-minimum", " {fields: [EM], weeks: 12, counted_departments: [icu], "
                                   "counted_weeks: 4}",
                  "12:61: unknown department 'icu'; expected a department of the model\n");
}

static void test_params_min_block_department_and_departments(void **state)
{
    (void)state;
    it_bad_params("min-block", " {department: emergency, departments: [emergency], weeks: 4}",
                  "8:5: rule 'R-1' needs exactly one of 'department' and 'departments' in its "
                  "params\n");
    it_bad_params("min-block", " {departments: [emergency, er], weeks: 4}",
                  "12:39: unknown department 'er'; expected a department of the model\n");
    it_good_params("min-block", " {departments: [emergency], weeks: 4}");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_INIT12_er_8_anesthesiology_4_complies),
        cmocka_unit_test(test_INIT12_icu_counts_up_to_the_cap),
        cmocka_unit_test(test_INIT12_er_4_icu_8_violates),
        cmocka_unit_test(test_INIT12_cap_shared_by_the_departments),
        cmocka_unit_test(test_INIT22_named_emergency_department),
        cmocka_unit_test(test_tiny_counted_toward_internal_medicine),
        cmocka_unit_test(test_tiny_min_block_over_two_departments),
        cmocka_unit_test(test_params_counted_needs_both),
        cmocka_unit_test(test_params_counted_unknown_department),
        cmocka_unit_test(test_params_min_block_department_and_departments),
    };
    return T_RUN(tests);
}
