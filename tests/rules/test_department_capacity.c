/*
 * test_department_capacity.c: kind `department-capacity`, residents at once in each department,
 * every cohort together (RULES.md INIT-72: the example group's weekly capacities, model data; a
 * parallel day takes a fifth of a place, a programme choice). No row of seed 000 states a
 * capacity: the cases cite RULES.md. Fixtures in tests/rules/department_capacity/: plans of two
 * residents made of base.csv (init_test.h). The same kind with `per_instructor` is INIT-70.
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

/* INIT-72 (as above), the share itself: r1's and r2's weekly day in island's general clinic
 * (capacity 1) in weeks 61-64, nobody's block there: 0.4 of a place, compliant. Both halves must
 * take a fifth (issue 14 item 3: a row helper counting a session as a whole resident would reject
 * the plan, a check doing so would report it). */
static void test_INIT72_two_weekly_days_take_two_fifths(void **state)
{
    (void)state;
    expect_compliant("island-two-sessions");
    it_fixture x = it_load(DIR, ID, "island-two-sessions", NULL);
    rp_loads l;
    rp_check_ctx *ctx = NULL;
    rp_diags d = RP_DIAGS_INIT;
    assert_int_equal(rp_check_ctx_new(x.m, x.c, x.p, &ctx, &d), 0);
    rp_loads_init(&l, ctx);
    const rp_rule *rule = NULL;
    for (size_t i = 0; i < x.m->n_rules; i++)
        if (strcmp(x.m->rules[i].id, ID) == 0)
            rule = &x.m->rules[i];
    assert_non_null(rule);
    rule->kind->loads(rule, ctx, &l);
    int island = rp_model_facility(x.m, "island");
    int go = rp_facility_department(&x.m->facilities[island], "general-outpatient");
    bool seen = false;
    for (size_t i = 0; i < l.n_places; i++)
        if (l.places[i].facility == island && l.places[i].department == go) {
            double load = l.places[i].load[slot(x.m, 2020, 61) - l.first];
            assert_true(load > 0.4 - 1e-9 && load < 0.4 + 1e-9);
            seen = true;
        }
    assert_true(seen);
    rp_loads_free(&l);
    rp_check_ctx_free(ctx);
    rp_diags_free(&d);
    it_unload(&x);
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

/* ---- INIT-70: at most 5 residents per 指導医 (RULES.md INIT-70 [web]: "指導医1人が指導を受け
 * 持つ研修医は、5人までとする"; "Parallel residents at a clinic count as supervised residents:
 * conservative"; "The rule is evaluated only where the model gives ins(f,d)") ---- */

/* The plan with INIT-70 alone, the 指導医 of facility's department set to ins (when >= -1). */
static it_fixture load_init70(const char *plan, const char *facility, const char *department,
                              double ins)
{
    it_fixture x = it_load(DIR, "INIT-70", plan, NULL);
    if (facility)
        it_department(x.m, facility, department)->instructors = ins;
    return x;
}

/* INIT-70: two residents on the base plan, with the example group's 指導医 (core surgery 1:
 * 5 places, ...): within every department's limit. */
static void test_INIT70_two_residents_with_the_example_instructors_comply(void **state)
{
    (void)state;
    it_fixture x = load_init70("two-residents", NULL, NULL, 0);
    t_expect_compliant(x.m, x.c, x.p, "INIT-70");
    it_unload(&x);
}

/* INIT-70: both residents in the core's dermatology in weeks 89-92, whose 指導医 figure is 0.2
 * (floor(5 x 0.2) = 1): over, in check and rows alike. */
static void test_INIT70_more_residents_than_five_per_instructor_violate(void **state)
{
    (void)state;
    it_fixture x = load_init70("dermatology-twice", "core", "dermatology", 0.2);
    t_expect_violation(x.m, x.c, x.p, "INIT-70", 1);
    it_expect_finding(&x, "INIT-70", 0, RP_LEVEL_VIOLATION, RP_NONE, "core",
                      (int)slot(x.m, 2020, 89), (int)slot(x.m, 2020, 92), "at most 1 at once",
                      "2");
    char *msg = it_message(&x, "INIT-70", 0);
    assert_non_null(strstr(msg, "its 0.2 指導医 supervise at most 1 (5 each)"));
    free(msg);
    it_unload(&x);
}

/* INIT-70 ("evaluated only where the model gives ins(f,d)"): the same plan, the department's
 * 指導医 not given: nothing to judge. */
static void test_INIT70_department_without_instructors_is_not_judged(void **state)
{
    (void)state;
    it_fixture x = load_init70("dermatology-twice", "core", "dermatology", -1);
    t_expect_compliant(x.m, x.c, x.p, "INIT-70");
    it_unload(&x);
}

/* INIT-70 ("parallel residents ... count as supervised residents"): island's general clinic,
 * 指導医 0.2, holds r1's block and r2's weekly day in weeks 57-60: 2 residents, where INIT-72
 * counts 1.2 places. */
static void test_INIT70_parallel_session_counts_a_whole_resident(void **state)
{
    (void)state;
    it_fixture x = load_init70("island-block-and-session", "island", "general-outpatient", 0.2);
    t_expect_violation(x.m, x.c, x.p, "INIT-70", 1);
    it_expect_finding(&x, "INIT-70", 0, RP_LEVEL_VIOLATION, RP_NONE, "island",
                      (int)slot(x.m, 2020, 57), (int)slot(x.m, 2020, 60), "at most 1 at once",
                      "2");
    it_unload(&x);
}

/* INIT-70 on a second, differently shaped programme (init_test.h's tiny model: two facilities,
 * no capacities): three residents in the core's internal medicine, whose 0.4 指導医 take 2. */
static void test_INIT70_tiny_programme(void **state)
{
    (void)state;
    char *yaml = it_tiny_model_with(
        NULL,
        "  - {id: core, name: core, kind: core, beds: 520, prefecture: P, area: A, go_field: "
        "IM, departments: [{id: internal-medicine, instructors: 0.4}, {id: emergency}]}\n"
        "  - {id: clinic, name: clinic, kind: coop-facility, beds: 19, home_care: true, "
        "prefecture: P, area: A, departments: [{id: community}]}",
        "department-capacity", " {per_instructor: 5}");
    char *path = t_write_temp(".yaml", yaml);
    rp_model *m = t_load_model(path);
    rp_plan *p = t_plan_csv(m, "a,2020,,core,internal-medicine,block,1,52,,,\n"
                               "a,2020,,core,emergency,block,53,104,,,\n"
                               "b,2020,,core,internal-medicine,block,1,52,,,\n"
                               "b,2020,,core,emergency,block,53,104,,,\n"
                               "c,2020,,core,emergency,block,1,4,,,\n"
                               "c,2020,,core,internal-medicine,block,5,104,,,\n");
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(m, NULL, p, &f);
    assert_int_equal(f.count, 1);
    assert_int_equal(f.items[0].first, (int)slot(m, 2020, 5));
    assert_int_equal(f.items[0].last, (int)slot(m, 2020, 52));
    assert_string_equal(f.items[0].required, "at most 2 at once");
    assert_string_equal(f.items[0].found, "3");
    rp_findings_free(&f);
    rp_cohort *c = t_cohort_of_plan(p);
    assert_int_equal(t_rows_accept(m, c, p, true, NULL), 0);
    assert_int_equal(t_rows_accept(m, c, p, true, "R-1"), 1);
    rp_cohort_free(c);
    rp_plan_free(p);
    rp_model_free(m);
    unlink(path);
    free(path);
    free(yaml);
}

static void test_INIT70_params_per_instructor_zero(void **state)
{
    (void)state;
    it_bad_params("department-capacity", " {per_instructor: 0}",
                  "12:30: per_instructor '0' is out of range; expected a number from 1e-09 to "
                  "1000\n");
}

static void test_INIT70_params_good(void **state)
{
    (void)state;
    it_good_params("department-capacity", " {per_instructor: 5}");
}

/* ---- bad parameters (the tiny model of init_test.h: params on line 12) ---- */

static void test_INIT72_params_unknown_key(void **state)
{
    (void)state;
    it_bad_params("department-capacity", " {capacity: 3}",
                  "12:14: unknown key 'capacity' in params of rule 'R-1'; expected "
                  "per_instructor\n");
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
        cmocka_unit_test(test_INIT72_two_weekly_days_take_two_fifths),
        cmocka_unit_test(test_INIT72_cohorts_share_a_department_in_the_same_calendar_week),
        cmocka_unit_test(test_INIT72_cohorts_in_successive_weeks_comply),
        cmocka_unit_test(test_INIT72_department_the_facility_does_not_run_holds_none),
        cmocka_unit_test(test_INIT72_params_unknown_key),
        cmocka_unit_test(test_INIT72_params_good),
        cmocka_unit_test(test_INIT70_two_residents_with_the_example_instructors_comply),
        cmocka_unit_test(test_INIT70_more_residents_than_five_per_instructor_violate),
        cmocka_unit_test(test_INIT70_department_without_instructors_is_not_judged),
        cmocka_unit_test(test_INIT70_parallel_session_counts_a_whole_resident),
        cmocka_unit_test(test_INIT70_tiny_programme),
        cmocka_unit_test(test_INIT70_params_per_instructor_zero),
        cmocka_unit_test(test_INIT70_params_good),
    };
    return T_RUN(tests);
}
