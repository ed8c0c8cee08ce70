/*
 * test_leave_allowance.c: kind `leave-allowance`, leave (休止) within 90 days, or a programme
 * extended by the weeks it takes to make up the days beyond (RULES.md INIT-60, INIT-61 with E-3's
 * default make-up formula, INIT-62). Fixtures in tests/rules/leave_allowance/: base.csv
 * (init_test.h) to week 104 and its variants to weeks 105 and 106, residents files with leave;
 * away-*.csv hold no facility in the weeks of dated leave beyond the allowance (INIT-61: the
 * resident is away; within the allowance a week of leave stays in its block, INIT-62).
 *
 * The kind has no rows: the extension is in the horizon of the resident's space, and INIT-05's
 * rows (one-place-per-period, enabled with it) cover every week of it. So a plan that stops
 * before the end of the extension leaves a gap, which the ILP's space cannot encode either.
 */
#include "init_test.h"

#define DIR "tests/rules/leave_allowance/"
#define ID "INIT-60"

/* A plan that complies, and the one finding (level finding, not a violation) that shows the
 * extension: weeks 105..horizon, the message naming the days of leave and the end date. */
static void expect_extension(const char *plan, const char *residents, int horizon,
                             const char *message)
{
    it_fixture x = it_load(DIR, ID, plan, residents);
    t_expect_compliant(x.m, x.c, x.p, ID);
    assert_int_equal(it_count(&x, ID, -1), 1);
    char req[64], got[32];
    char date[11];
    rp_date_format(rp_period_last_day(x.m, 2020, horizon), date);
    snprintf(req, sizeof req, "to week %d (%s)", horizon, date);
    snprintf(got, sizeof got, "to week %d", horizon);
    it_expect_finding(&x, ID, 0, RP_LEVEL_FINDING, 0, "-", 105, horizon, req, got);
    char *msg = it_message(&x, ID, 0);
    assert_string_equal(msg, message);
    free(msg);
    it_unload(&x);
}

/* INIT-60, INIT-62, 000 Q07 (L18): "年次休暇等については、到達目標を満たすことが可能であることを前提と
 * して、休止期間として90日間を超えない限り不足していても構いません。また、90日間の中であれば、必修分
 * 野であっても追加して研修する必要もありません。" 90 days of leave: the plan ends at week 104, no
 * finding at all. */
static void test_INIT60_Q07_L18_ninety_days_need_no_extension(void **state)
{
    (void)state;
    it_fixture x = it_load(DIR, ID, "base", "leave-90");
    t_expect_compliant(x.m, x.c, x.p, ID);
    assert_int_equal(it_count(&x, ID, -1), 0);
    it_unload(&x);
}

/* INIT-61 (RULES.md E-3: E_r ≥ ⌈(L_r − 90) / 5⌉), 000 Q07 (L18) (as above, "90日間を超えない限
 * り"): 100 days are 10 beyond, 2 weeks more; the plan runs to week 106, away in the weeks of
 * the leave (40-60). */
static void test_INIT61_Q07_L18_hundred_days_extend_by_two_weeks(void **state)
{
    (void)state;
    expect_extension("away-40-60-106", "leave-100", 106,
                     "resident r1 takes 100 days of leave, 10 beyond the 90 allowed: the "
                     "programme is extended by 2 weeks, to 2022-04-14");
}

/* INIT-60, INIT-61, 000 Q07 (L18) (as above): with 100 days of leave the plan stops at week 104:
 * weeks 105-106 are a gap (INIT-05) and the extension is not planned (INIT-60). */
static void test_INIT60_Q07_L18_plan_ending_before_the_extension_violates(void **state)
{
    (void)state;
    it_fixture x = it_load(DIR, ID, "away-40-60", "leave-100");
    it_expect_outside(&x, ID, 1);
    assert_int_equal(t_violations(x.m, x.c, x.p, "INIT-05"), 1);
    it_expect_finding(&x, ID, 0, RP_LEVEL_VIOLATION, 0, "-", 105, 106, "to week 106 (2022-04-14)",
                      "to week 104");
    char *msg = it_message(&x, ID, 0);
    assert_non_null(strstr(msg, "extended by 2 weeks, to 2022-04-14, but the plan ends before"));
    free(msg);
    it_unload(&x);
}

/* INIT-61, 000 Q07 (L18): one day beyond the 90 takes a whole week to make up. */
static void test_INIT61_Q07_L18_one_day_beyond_extends_by_a_week(void **state)
{
    (void)state;
    expect_extension("base-105", "leave-91", 105,
                     "resident r1 takes 91 days of leave, 1 beyond the 90 allowed: the programme "
                     "is extended by 1 week, to 2022-04-07");
}

/* INIT-60, INIT-03, 000 Q07 (L18) with Q03 (L10) "1週間は7日であり、…勤務日の合計（通常5日）に相当
 * します。": leave given as weeks 10-28 only counts their working days, 19 x 5 = 95. */
static void test_INIT60_Q03_L10_leave_span_counts_five_days_a_week(void **state)
{
    (void)state;
    expect_extension("away-10-28-105", "leave-span-95", 105,
                     "resident r1 takes 95 days of leave, 5 beyond the 90 allowed: the programme "
                     "is extended by 1 week, to 2022-04-07");
}

/* INIT-61 (issue 14: "a resident on leave for 15 months is planned into rotations during the
 * leave"), 000 Q07 (L18): beyond the allowance the weeks of dated leave hold no facility; a plan
 * that keeps the resident in blocks through weeks 40-60 of the 100 days breaks INIT-05 there,
 * and the rows cannot encode it. */
static void test_INIT61_Q07_L18_blocks_during_leave_beyond_the_allowance_violate(void **state)
{
    (void)state;
    it_fixture x = it_load(DIR, "INIT-05", "base-106", "leave-100");
    rp_timeline t;
    rp_timeline_build(x.m, &x.c->residents[0], &t);
    assert_int_equal(t.horizon, 106);
    assert_int_equal(t.status[39], RP_STATUS_FT);
    for (int p = 40; p <= 60; p++)
        assert_int_equal(t.status[p], RP_STATUS_AWAY);
    assert_int_equal(t.status[61], RP_STATUS_FT);
    rp_timeline_free(&t);
    it_expect_outside(&x, "INIT-05", 1);
    it_expect_finding(&x, "INIT-05", 0, RP_LEVEL_VIOLATION, 0, "-", 40, 60,
                      "no facility (none)", "a facility during leave beyond the allowance (INIT-61)");
    it_unload(&x);
}

/* INIT-62, 000 Q07 (L18) "90日間の中であれば、必修分野であっても追加して研修する必要もありません":
 * within the allowance a week of dated leave stays in its block (90 days, weeks 1-18). */
static void test_INIT62_Q07_L18_leave_within_the_allowance_stays_in_its_block(void **state)
{
    (void)state;
    it_fixture x = it_load(DIR, ID, "base", "leave-90");
    rp_timeline t;
    rp_timeline_build(x.m, &x.c->residents[0], &t);
    assert_int_equal(t.horizon, 104);
    for (int p = 1; p <= 104; p++)
        assert_true(rp_status_keeps_facility(t.status[p]));
    rp_timeline_free(&t);
    t_expect_compliant(x.m, x.c, x.p, "INIT-05");
    it_unload(&x);
}

/* INIT-60, 000 Q07 (L18) "休止期間として90日間": the leave of every spell adds up, 40 + 60. */
static void test_INIT60_Q07_L18_spells_of_leave_add_up(void **state)
{
    (void)state;
    expect_extension("base-106", "leave-split-100", 106,
                     "resident r1 takes 100 days of leave, 10 beyond the 90 allowed: the "
                     "programme is extended by 2 weeks, to 2022-04-14");
}

/* ---- bad parameters and model data (the tiny model of init_test.h: rule on line 8) ---- */

static void test_INIT60_model_without_allowance(void **state)
{
    (void)state;
    it_bad_model("calendar: {unit: week, start_month: 4, start_day: 1, years: 2, "
                 "days_per_week: 5}",
                 NULL, "leave-allowance", NULL,
                 "8:5: rule 'R-1' needs the calendar's leave_allowance_days\n");
}

static void test_INIT60_params_unknown_key(void **state)
{
    (void)state;
    it_bad_params("leave-allowance", " {days: 90}",
                  "12:14: unknown key 'days' in params of rule 'R-1'\n");
}

static void test_INIT60_params_good(void **state)
{
    (void)state;
    it_good_params("leave-allowance", NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_INIT60_Q07_L18_ninety_days_need_no_extension),
        cmocka_unit_test(test_INIT61_Q07_L18_hundred_days_extend_by_two_weeks),
        cmocka_unit_test(test_INIT60_Q07_L18_plan_ending_before_the_extension_violates),
        cmocka_unit_test(test_INIT61_Q07_L18_one_day_beyond_extends_by_a_week),
        cmocka_unit_test(test_INIT60_Q03_L10_leave_span_counts_five_days_a_week),
        cmocka_unit_test(test_INIT60_Q07_L18_spells_of_leave_add_up),
        cmocka_unit_test(test_INIT61_Q07_L18_blocks_during_leave_beyond_the_allowance_violate),
        cmocka_unit_test(test_INIT62_Q07_L18_leave_within_the_allowance_stays_in_its_block),
        cmocka_unit_test(test_INIT60_model_without_allowance),
        cmocka_unit_test(test_INIT60_params_unknown_key),
        cmocka_unit_test(test_INIT60_params_good),
    };
    return T_RUN(tests);
}
