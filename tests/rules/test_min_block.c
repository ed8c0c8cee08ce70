/*
 * test_min_block.c: kind `min-block`, at least one block of 4 contiguous weeks in the emergency
 * department (RULES.md INIT-22): parallel emergency days and anaesthesiology weeks never replace
 * it; the department may be at any facility. Fixtures in tests/rules/min_block/: variants of
 * base.csv (init_test.h), one resident r1 of 2020.
 */
#include "init_test.h"

#define DIR "tests/rules/min_block/"
#define ID "INIT-22"
#define REQ "a block of 4 weeks or more in emergency"

static void expect_compliant(const char *plan)
{
    it_fixture x = it_load(DIR, ID, plan, NULL);
    t_expect_compliant(x.m, x.c, x.p, ID);
    it_unload(&x);
}

static void expect_violation(const char *plan, const char *found)
{
    it_fixture x = it_load(DIR, ID, plan, NULL);
    t_expect_violation(x.m, x.c, x.p, ID, 1);
    it_expect_finding(&x, ID, 0, RP_LEVEL_VIOLATION, 0, "-", 1, 104, REQ, found);
    it_unload(&x);
}

/* INIT-22, 000 Q23 (L36): "救急部門においては、4週間以上のまとまったブロック研修期間がないプログラム
 * を実施している病院では、プログラムの見直しを行っていただく必要があります。" A 12-week emergency
 * block. */
static void test_INIT22_Q23_L36_twelve_week_emergency_block_complies(void **state)
{
    (void)state;
    expect_compliant("base");
}

/* INIT-22, 000 Q23 (L36) (as above, "4週間以上のまとまったブロック研修期間がない"): the 12 weeks in
 * blocks of 3, an elective week between each. */
static void test_INIT22_Q23_L36_three_week_blocks_only_violate(void **state)
{
    (void)state;
    expect_violation("em-3-week-blocks", "3 weeks at most");
    it_fixture x = it_load(DIR, ID, "em-3-week-blocks", NULL);
    char *msg = it_message(&x, ID, 0);
    assert_string_equal(msg, "resident r1 has no block of 4 contiguous weeks in emergency (the "
                             "longest is 3); parallel days and other departments do not "
                             "replace it");
    free(msg);
    it_unload(&x);
}

/* INIT-22, 000 Q23 (L36) (as above, "まとまったブロック研修期間"): 2 weeks of emergency at the core
 * then 2 at city are 4 contiguous weeks in the department (at any facility). */
static void test_INIT22_Q23_L36_block_across_two_facilities_complies(void **state)
{
    (void)state;
    expect_compliant("em-across-facilities");
}

/* INIT-22, INIT-23, 000 Q49 (L66): "麻酔科における研修期間は…4週を上限として、必修分野(救急部門)の研
 * 修期間に代替えすることが認められます。" Anaesthesiology counts toward the weeks (INIT-12), never
 * for the block: 3 weeks of emergency and 9 of anaesthesiology. */
static void test_INIT22_Q49_L66_anesthesiology_does_not_replace_the_block(void **state)
{
    (void)state;
    expect_violation("em-3-anes-9", "3 weeks at most");
}

/* INIT-22, INIT-33, 000 Q23 (L36) with Q28 (L43) "救急部門は12週以上の研修": 24 weekly emergency
 * days and no emergency block at all. */
static void test_INIT22_Q23_L36_parallel_days_do_not_replace_the_block(void **state)
{
    (void)state;
    expect_violation("em-sessions-only", "0 weeks at most");
}

/* ---- bad parameters (the tiny model of init_test.h: params on line 12) ---- */

static void test_INIT22_params_unknown_department(void **state)
{
    (void)state;
    it_bad_params("min-block", " {department: emergncy, weeks: 4}",
                  "12:26: unknown department 'emergncy'; expected a department of the model\n");
}

static void test_INIT22_params_department_missing(void **state)
{
    (void)state;
    it_bad_params("min-block", " {weeks: 4}",
                  "12:13: missing key 'department' in params of rule 'R-1'\n");
}

static void test_INIT22_params_weeks_zero(void **state)
{
    (void)state;
    it_bad_params("min-block", " {department: emergency, weeks: 0}",
                  "12:44: weeks '0' is out of range; expected a whole number from 1 to 104\n");
}

static void test_INIT22_params_good(void **state)
{
    (void)state;
    it_good_params("min-block", " {department: emergency, weeks: 4}");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_INIT22_Q23_L36_twelve_week_emergency_block_complies),
        cmocka_unit_test(test_INIT22_Q23_L36_three_week_blocks_only_violate),
        cmocka_unit_test(test_INIT22_Q23_L36_block_across_two_facilities_complies),
        cmocka_unit_test(test_INIT22_Q49_L66_anesthesiology_does_not_replace_the_block),
        cmocka_unit_test(test_INIT22_Q23_L36_parallel_days_do_not_replace_the_block),
        cmocka_unit_test(test_INIT22_params_unknown_department),
        cmocka_unit_test(test_INIT22_params_department_missing),
        cmocka_unit_test(test_INIT22_params_weeks_zero),
        cmocka_unit_test(test_INIT22_params_good),
    };
    return T_RUN(tests);
}
