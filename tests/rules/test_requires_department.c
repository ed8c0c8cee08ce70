/*
 * test_requires_department.c: kind `requires-department`, a department the programme must offer
 * (RULES.md INIT-73, class DATA: 麻酔科 selectable at the core). The rule is a condition on the
 * model's data, checked when the model is loaded (exit status 2); it has neither rows nor a
 * check on plans. Fixtures: tests/rules/requires_department/base.csv (init_test.h), and tiny
 * models written by the tests (init_test.h, the rule on line 8, facilities on lines 5-6).
 */
#include "init_test.h"

#define DIR "tests/rules/requires_department/"
#define ID "INIT-73"
#define PARAMS " {kind: core, department: anesthesiology, capacity: 1}"
#define CLINIC                                                                                 \
    "  - {id: clinic, name: clinic, kind: coop-facility, beds: 19, home_care: true, go_field: " \
    "CM, departments: [{id: community}]}"

/* INIT-73, 000 Q49 (L66): "必修分野(救急部門)の中で麻酔科の研修を行わないプログラムの場合、必ずしも
 * 麻酔科の指導医は不要ではないでしょうか。" "基幹型病院の均てん化の観点から、麻酔科を選択できる体制を
 * 整えておく必要があります。" The example core runs anaesthesiology (capacity 3): the model loads,
 * and a plan that never goes there breaks nothing, in check or rows. */
static void test_INIT73_Q49_L66_core_offering_anesthesiology_complies(void **state)
{
    (void)state;
    it_fixture x = it_load(DIR, ID, "base", NULL);
    assert_int_equal(it_department(x.m, "core", "anesthesiology")->capacity, 3);
    t_expect_compliant(x.m, x.c, x.p, ID);
    assert_int_equal(it_count(&x, ID, -1), 0);
    it_unload(&x);
}

/* INIT-73, 000 Q49 (L66) (as above, "麻酔科を選択できる体制を整えておく必要があります"): a core
 * without anaesthesiology is refused when the model is loaded. */
static void test_INIT73_Q49_L66_core_without_anesthesiology_is_refused(void **state)
{
    (void)state;
    it_bad_model(NULL,
                 "  - {id: core, name: core, kind: core, departments: [{id: internal-medicine}, "
                 "{id: emergency}]}\n" CLINIC,
                 "requires-department", PARAMS,
                 "8:5: rule 'R-1': no facility of kind core runs department 'anesthesiology' "
                 "with room for 1; the programme must offer it\n");
}

/* INIT-73, 000 Q49 (L66) (as above, "選択できる"): anaesthesiology with no place (capacity 0) is
 * not selectable. */
static void test_INIT73_Q49_L66_anesthesiology_without_a_place_is_refused(void **state)
{
    (void)state;
    it_bad_model(NULL,
                 "  - {id: core, name: core, kind: core, departments: [{id: anesthesiology, "
                 "capacity: 0}]}\n" CLINIC,
                 "requires-department", PARAMS,
                 "8:5: rule 'R-1': no facility of kind core runs department 'anesthesiology' "
                 "with room for 1; the programme must offer it\n");
}

/* INIT-73, 000 Q49 (L66) (as above, "基幹型病院の"): anaesthesiology at a cooperating hospital only
 * does not do. */
static void test_INIT73_Q49_L66_anesthesiology_elsewhere_only_is_refused(void **state)
{
    (void)state;
    it_bad_model(NULL,
                 "  - {id: core, name: core, kind: core, departments: [{id: emergency}]}\n"
                 "  - {id: city, name: city, kind: coop, departments: [{id: anesthesiology}]}",
                 "requires-department", PARAMS,
                 "8:5: rule 'R-1': no facility of kind core runs department 'anesthesiology' "
                 "with room for 1; the programme must offer it\n");
}

/* INIT-73, 000 Q49 (L66): a department with no capacity given takes any number. */
static void test_INIT73_Q49_L66_anesthesiology_without_a_limit_complies(void **state)
{
    (void)state;
    it_good_params("requires-department", PARAMS);
}

/* ---- bad parameters (the tiny model of init_test.h: params on line 12) ---- */

static void test_INIT73_params_unknown_kind(void **state)
{
    (void)state;
    it_bad_params("requires-department", " {kind: kore, department: anesthesiology, capacity: 1}",
                  "12:20: unknown kind 'kore'; did you mean 'core'?\n");
}

static void test_INIT73_params_department_missing(void **state)
{
    (void)state;
    it_bad_params("requires-department", " {kind: core, capacity: 1}",
                  "12:13: missing key 'department' in params of rule 'R-1'\n");
}

static void test_INIT73_params_capacity_negative(void **state)
{
    (void)state;
    it_bad_params("requires-department", " {kind: core, department: anesthesiology, capacity: -1}",
                  "12:64: capacity '-1' is out of range; expected a whole number from 0 to "
                  "1000000\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_INIT73_Q49_L66_core_offering_anesthesiology_complies),
        cmocka_unit_test(test_INIT73_Q49_L66_core_without_anesthesiology_is_refused),
        cmocka_unit_test(test_INIT73_Q49_L66_anesthesiology_without_a_place_is_refused),
        cmocka_unit_test(test_INIT73_Q49_L66_anesthesiology_elsewhere_only_is_refused),
        cmocka_unit_test(test_INIT73_Q49_L66_anesthesiology_without_a_limit_complies),
        cmocka_unit_test(test_INIT73_params_unknown_kind),
        cmocka_unit_test(test_INIT73_params_department_missing),
        cmocka_unit_test(test_INIT73_params_capacity_negative),
    };
    return T_RUN(tests);
}
