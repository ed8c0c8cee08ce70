/*
 * test_department_capacity.c: kind `department-capacity`, residents at once in each department,
 * every cohort together (RULES.md INIT-72: the example group's weekly capacities, model data; a
 * parallel day takes a fifth of a place, a programme choice). No row of seed 000 states a
 * capacity: the cases cite RULES.md. Fixtures in tests/rules/department_capacity/: plans of two
 * residents made of base.csv (init_test.h).
 */
#include "init_test.h"

#define DIR "tests/rules/department_capacity/"
#define ID "INIT-72"

static void expect_compliant(const char *plan)
{
    it_fixture x = it_load(DIR, ID, plan, NULL);
    t_expect_compliant(x.m, x.c, x.p, ID);
    it_unload(&x);
}

/* The slot of week `period` of a resident starting in `cohort` (rp_slot). */
static long slot(const rp_model *m, int cohort, int period)
{
    return rp_slot(m, cohort, period);
}

/* The one violation of INIT-72: at facility, from week a to b of a 2020 resident, most found. */
static void expect_violation(const char *plan, const char *facility, int a, int b, int cap,
                             const char *found, const char *department)
{
    it_fixture x = it_load(DIR, ID, plan, NULL);
    t_expect_violation(x.m, x.c, x.p, ID, 1);
    char req[48];
    snprintf(req, sizeof req, "at most %d at once", cap);
    it_expect_finding(&x, ID, 0, RP_LEVEL_VIOLATION, RP_NONE, facility,
                      (int)slot(x.m, 2020, a), (int)slot(x.m, 2020, b), req, found);
    char *msg = it_message(&x, ID, 0);
    if (!strstr(msg, department))
        fail_msg("finding names no %s: %s", department, msg);
    free(msg);
    it_unload(&x);
}

/* INIT-72 (RULES.md: "The number of residents in a department at once must not exceed the
 * capacity the model gives"): two residents on the base plan share every department within its
 * capacity (psychiatry 3, community medicine at clinic 2, paediatrics and obstetrics at city 2). */
static void test_INIT72_two_residents_within_capacity_comply(void **state)
{
    (void)state;
    expect_compliant("two-residents");
}

/* INIT-72 (as above): both in the core's dermatology (capacity 1) in weeks 89-92. */
static void test_INIT72_two_residents_in_a_one_place_department_violate(void **state)
{
    (void)state;
    expect_violation("dermatology-twice", "core", 89, 92, 1, "2", "dermatology");
}

/* INIT-72 (RULES.md: "A 1-day parallel session uses 1/5 of a weekly place. This is a modelling
 * choice [PROG]"): island's general clinic (capacity 1) holds r1's block and r2's weekly day in
 * weeks 57-60: 1.2 places. */
static void test_INIT72_parallel_day_takes_a_fifth_of_a_place(void **state)
{
    (void)state;
    expect_violation("island-block-and-session", "island", 57, 60, 1, "1.2",
                     "general-outpatient");
    /* issue 14: weeks 57-60 end on 2021-05-26, week 60's last day, not on its first */
    it_fixture x = it_load(DIR, ID, "island-block-and-session", NULL);
    char *msg = it_message(&x, ID, 0);
    assert_non_null(strstr(msg, "from 2021-04-29 to 2021-05-26;"));
    free(msg);
    it_unload(&x);
}

/* INIT-72 (as above): r2's weekly day there in weeks 61-64, after r1's block. */
static void test_INIT72_parallel_day_in_other_weeks_complies(void **state)
{
    (void)state;
    expect_compliant("island-block-then-session");
}

/* INIT-72 (RULES.md INIT-72 and the model: "capacity: residents at once, every week, both
 * cohorts together"): r1 of 2020 in dermatology in its weeks 89-92 and r2 of 2021 in its weeks
 * 37-40, the same calendar weeks (2021-12-09 to 2022-01-05). */
static void test_INIT72_cohorts_share_a_department_in_the_same_calendar_week(void **state)
{
    (void)state;
    expect_violation("cohorts-same-week", "core", 89, 92, 1, "2", "dermatology");
    it_fixture x = it_load(DIR, ID, "cohorts-same-week", NULL);
    assert_int_equal(slot(x.m, 2020, 89), slot(x.m, 2021, 37));
    char *msg = it_message(&x, ID, 0);
    assert_non_null(strstr(msg, "2021-12-09"));
    free(msg);
    it_unload(&x);
}

/* INIT-72 (as above): r2 of 2021 in dermatology in its weeks 41-44, after r1. */
static void test_INIT72_cohorts_in_successive_weeks_comply(void **state)
{
    (void)state;
    expect_compliant("cohorts-next-weeks");
}

/* INIT-72, INIT-41 (the mutation: community medicine moved to city, which runs no
 * community department): a department a facility does not run holds nobody; the ILP has no
 * piece there. */
static void test_INIT72_department_the_facility_does_not_run_holds_none(void **state)
{
    (void)state;
    it_fixture x = it_load(DIR, ID, "cm-city", NULL);
    it_expect_outside(&x, ID, 1);
    it_expect_finding(&x, ID, 0, RP_LEVEL_VIOLATION, RP_NONE, "city", (int)slot(x.m, 2020, 53),
                      (int)slot(x.m, 2020, 56), "at most 0 at once", "1");
    char *msg = it_message(&x, ID, 0);
    assert_non_null(strstr(msg, "(the facility does not run it)"));
    free(msg);
    it_unload(&x);
}

/* ---- bad parameters (the tiny model of init_test.h: params on line 12) ---- */

static void test_INIT72_params_unknown_key(void **state)
{
    (void)state;
    it_bad_params("department-capacity", " {capacity: 3}",
                  "12:14: unknown key 'capacity' in params of rule 'R-1'\n");
}

static void test_INIT72_params_good(void **state)
{
    (void)state;
    it_good_params("department-capacity", NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_INIT72_two_residents_within_capacity_comply),
        cmocka_unit_test(test_INIT72_two_residents_in_a_one_place_department_violate),
        cmocka_unit_test(test_INIT72_parallel_day_takes_a_fifth_of_a_place),
        cmocka_unit_test(test_INIT72_parallel_day_in_other_weeks_complies),
        cmocka_unit_test(test_INIT72_cohorts_share_a_department_in_the_same_calendar_week),
        cmocka_unit_test(test_INIT72_cohorts_in_successive_weeks_comply),
        cmocka_unit_test(test_INIT72_department_the_facility_does_not_run_holds_none),
        cmocka_unit_test(test_INIT72_params_unknown_key),
        cmocka_unit_test(test_INIT72_params_good),
    };
    return T_RUN(tests);
}
