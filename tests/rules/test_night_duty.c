/*
 * test_night_duty.c: night emergency duty (当直) beside a daytime block of another field, RULES.md
 * INIT-35, from seed 000 Q27 (L42): "救急部門における並行研修についても、ダブルカウントは不可と
 * なります。ただし、例えば、日中に必修分野の研修を行い、夜間に救急部門を研修することは可能です。"
 * A plan writes it as a `night` row (mode night, department emergency, days_per_week nights a
 * week). It is the crediting of credit.h (the night earns emergency days, the block loses no
 * day: the model's crediting.night_emergency, RULES.md D-15's reading when false) as the kinds
 * field-minimum (INIT-11, INIT-12) and parallel-sessions (INIT-30, INIT-31) judge it, and the
 * planner's night pieces (the model's night_duty). Shared by several kinds: listed in
 * test_registry.c. Fixtures in tests/rules/night_duty/ (variants of the INIT base plan,
 * init_test.h; minami-night-20.csv of minami-general-2024's).
 */
#include "init_test.h"
#include "structure_test.h"

#include "report/writers.h"
#include "rotaplan/solve.h"
#include "rotaplan/translate.h"

#define DIR "tests/rules/night_duty/"

static const char *const night_departments[] = {"emergency"};

/* The planner may put night duty in emergency beside a block (the model's night_duty). */
static void offer_nights(rp_model *m, const char *const *ids)
{
    m->night_departments = (const char **)ids;
    m->n_night_departments = 1;
}

static it_fixture load(const char *id, const char *plan)
{
    it_fixture x = it_load(DIR, id, plan, NULL);
    offer_nights(x.m, night_departments);
    return x;
}

/* INIT-35, INIT-12, 000 Q27 (L42): an 8-week emergency block (40 days) and 20 nights in
 * emergency during internal medicine and its general clinic (weeks 1-20) make the 60 days of
 * INIT-12; checked directly and in the rows (the night pieces of night_duty). */
static void test_INIT35_Q27_L42_nights_earn_emergency_days(void **state)
{
    (void)state;
    it_fixture x = load("INIT-12", "night-20");
    t_expect_compliant(x.m, x.c, x.p, "INIT-12");
    it_unload(&x);
    /* 16 nights make 56 */
    x = load("INIT-12", "night-16");
    t_expect_violation(x.m, x.c, x.p, "INIT-12", 1);
    it_expect_finding(&x, "INIT-12", 0, RP_LEVEL_VIOLATION, 0, "-", 1, 104,
                      "12 weeks (60 days)", "56 days");
    it_unload(&x);
}

/* INIT-35 (the day stays with the block), INIT-11: the nights of weeks 1-20 take no day from
 * internal medicine (24 weeks); the same 20 days written as daytime emergency sessions (mode
 * parallel) do: 100 days, and the general clinic's 4 weeks 16 days (INIT-32, 000 Q20 L33). */
static void test_INIT35_Q27_L42_nights_cost_the_block_no_day(void **state)
{
    (void)state;
    it_fixture x = load("INIT-11", "night-20");
    t_expect_compliant(x.m, x.c, x.p, "INIT-11");
    it_unload(&x);
    x = load("INIT-11", "day-20");
    t_expect_violation(x.m, x.c, x.p, "INIT-11", 1);
    it_expect_finding(&x, "INIT-11", 0, RP_LEVEL_VIOLATION, 0, "-", 1, 104,
                      "24 weeks (120 days)", "20 weeks (100 days)");
    it_unload(&x);
    x = load("INIT-14", "night-20");
    t_expect_compliant(x.m, x.c, x.p, "INIT-14");
    it_unload(&x);
    x = load("INIT-14", "day-20");
    t_expect_violation(x.m, x.c, x.p, "INIT-14", 1);
    it_unload(&x);
}

/* RULES.md D-15's reading (crediting.night_emergency: false): the night earns nothing, so the
 * 8-week block leaves INIT-12 at 40 days, directly and in the rows; the block still loses no
 * day (INIT-11 holds). */
static void test_INIT35_D15_reading_nights_earn_nothing(void **state)
{
    (void)state;
    it_fixture x = load("INIT-12", "night-20");
    x.m->crediting.night_emergency = false;
    t_expect_violation(x.m, x.c, x.p, "INIT-12", 1);
    it_expect_finding(&x, "INIT-12", 0, RP_LEVEL_VIOLATION, 0, "-", 1, 104,
                      "12 weeks (60 days)", "8 weeks (40 days)");
    it_unload(&x);
    x = load("INIT-11", "night-20");
    x.m->crediting.night_emergency = false;
    t_expect_compliant(x.m, x.c, x.p, "INIT-11");
    it_unload(&x);
}

/* INIT-31 (000 Q16 L29: several sessions a week "ブロック研修をしている診療科の研修に支障をきたす"):
 * a night takes nothing from the day's block, so it is no session: nights beside a weekly
 * general-outpatient day (weeks 13-16) and two nights a week comply. */
static void test_INIT31_nights_are_no_sessions(void **state)
{
    (void)state;
    it_fixture x = load("INIT-31", "night-and-go");
    assert_int_equal(t_violations(x.m, x.c, x.p, "INIT-31"), 0);
    /* a piece holds one session a week: the night and the day together are outside the space */
    assert_int_equal(t_rows_accept(x.m, x.c, x.p, true, NULL), -1);
    it_unload(&x);
    x = load("INIT-31", "two-nights-a-week");
    assert_int_equal(t_violations(x.m, x.c, x.p, "INIT-31"), 0);
    it_unload(&x);
    x = load("INIT-12", "two-nights-a-week");
    assert_int_equal(t_violations(x.m, x.c, x.p, "INIT-12"), 0); /* 40 + 10 x 2 nights */
    it_unload(&x);
}

/* INIT-30, INIT-35 (000 Q27 L42: "夜間に救急部門を研修"): night duty is emergency work only; a
 * night row in the general clinic is a violation, outside the ILP's space. */
static void test_INIT30_night_outside_emergency_violates(void **state)
{
    (void)state;
    it_fixture x = load("INIT-30", "go-night");
    it_expect_outside(&x, "INIT-30", 1);
    it_expect_finding(&x, "INIT-30", 0, RP_LEVEL_VIOLATION, 0, "core", 1, 4,
                      "night duty in emergency (当直)", "general outpatient (一般外来)");
    it_unload(&x);
}

/* Without night_duty the planner's space holds no night: a plan with nights is outside it (the
 * check still judges it). */
static void test_INIT35_without_night_duty_outside_the_space(void **state)
{
    (void)state;
    it_fixture x = it_load(DIR, "INIT-12", "night-20", NULL);
    assert_int_equal(t_violations(x.m, x.c, x.p, "INIT-12"), 0);
    assert_int_equal(t_rows_accept(x.m, x.c, x.p, true, NULL), -1);
    it_unload(&x);
}

/* The second model (minami-general-2024: emergency is `er`, another shape of blocks): er 4
 * weeks, anaesthesiology 4 (INIT-23) and 20 nights at er make 60 days; the nights take no day
 * from internal medicine. */
static void test_INIT35_minami(void **state)
{
    (void)state;
    static const char *const er[] = {"er"};
    const char *ids[] = {"INIT-12", "INIT-11"};
    for (size_t i = 0; i < 2; i++) {
        kt_fixture x = st_load(DIR, ids[i], "minami-night-20");
        offer_nights(x.m, er);
        t_expect_compliant(x.m, x.c, x.p, ids[i]);
        x.m->crediting.night_emergency = false;
        if (i == 0)
            t_expect_violation(x.m, x.c, x.p, ids[i], 1);
        kt_unload(&x);
    }
}

/* A plan file says night duty as mode `night`: the CSV and YAML writers write it, and the reader
 * reads it back as night duty; a night row beside an emergency block is refused as bad data
 * (RULES.md INIT-30 DATA), located at its department. */
static void test_INIT35_night_rows_round_trip(void **state)
{
    (void)state;
    it_fixture x = it_load(DIR, NULL, "night-20", NULL);
    for (int yaml = 0; yaml <= 1; yaml++) {
        char *path = t_write_temp(yaml ? ".yaml" : ".csv", "");
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        assert_int_equal(yaml ? rp_report_yaml(x.m, x.p, f) : rp_report_csv(x.m, x.p, false, f),
                         0);
        fclose(f);
        rp_plan *back = t_plan_file(x.m, path);
        size_t nights = 0;
        for (size_t i = 0; i < back->n_stints; i++) {
            const rp_stint *s = &back->stints[i];
            if (s->night) {
                nights++;
                assert_int_equal(s->mode, RP_MODE_PARALLEL);
                assert_int_equal(s->first, 1);
                assert_int_equal(s->last, 20);
                assert_float_equal(s->days_per_week, 1, 0);
            }
        }
        assert_int_equal(nights, 1);
        rp_plan_free(back);
        unlink(path);
        free(path);
    }
    char *path = t_write_temp(".csv", "resident,cohort,course,facility,department,mode,"
                                      "start_period,end_period,start_date,end_date,"
                                      "days_per_week\n"
                                      "r1,2020,,core,emergency,block,1,104,,,\n"
                                      "r1,2020,,core,emergency,night,5,8,,,1\n");
    rp_plan *p = NULL;
    rp_diags d = RP_DIAGS_INIT;
    assert_int_equal(rp_plan_read(x.m, path, &p, &d), -1);
    char *text = t_diags_text(&d);
    assert_string_equal(text, "3:15: night duty in emergency (救急) beside resident 'r1''s block "
                              "in the same field (weeks 1-104, line 2); expected a session of "
                              "another field (INIT-30)\n");
    free(text);
    rp_diags_free(&d);
    unlink(path);
    free(path);
    it_unload(&x);
}

/* The planner uses nights where blocks cannot give the days: a tiny group whose emergency
 * department takes a resident for at most 8 weeks (weeks-in) and INIT-12's 60 days: the optimal
 * plan holds 8 weeks of emergency and at least 20 nights there, and passes the direct check. */
static void test_INIT35_planner_plans_nights(void **state)
{
    (void)state;
    char *yaml = rp_xasprintf(
        "programme: {id: tiny-night, name: tiny}\n" IT_TINY_CALENDAR "\n"
        "fields: {internal-medicine: IM, emergency: EM}\n"
        "facilities:\n"
        "  - {id: core, name: core, kind: core, beds: 520, departments: [{id: internal-medicine, "
        "capacity: 2}, {id: emergency, capacity: 2}]}\n"
        "night_duty: [emergency]\n"
        "rules:\n"
        "  - {id: INIT-05, kind: one-place-per-period, class: hard, source: test}\n"
        "  - {id: EXAMPLE-01, kind: rotation-unit, class: programme, source: test, params: "
        "{weeks: 4}}\n"
        "  - {id: INIT-12, kind: field-minimum, class: hard, source: test, params: {fields: [EM], "
        "weeks: 12}}\n"
        "  - {id: MAX-EM, kind: weeks-in, class: hard, source: test, params: {departments: "
        "[emergency], max: 8}}\n");
    char *mpath = t_write_temp(".yaml", yaml);
    rp_model *m = t_load_model(mpath);
    unlink(mpath);
    free(mpath);
    free(yaml);
    char *cpath = t_write_temp(".yaml", "residents:\n  - {id: r1, cohort: 2020}\n");
    rp_cohort *c = t_load_cohort(m, cpath);
    unlink(cpath);
    free(cpath);
    rp_translation *t = NULL;
    rp_diags d = RP_DIAGS_INIT;
    assert_int_equal(rp_translate(m, c, NULL, &t, &d), 0);
    rp_solve_options opt = {0, 0, false, NULL, NULL, NULL};
    rp_solve_result res;
    assert_int_equal(rp_solve(t->ilp, &opt, &res, &d), 0);
    assert_int_equal(res.status, RP_SOLVE_OPTIMAL);
    rp_plan *p = NULL;
    assert_int_equal(rp_decode(t, res.x, &p, &d), 0);
    int em_weeks = 0, nights = 0;
    for (size_t i = 0; i < p->n_stints; i++) {
        const rp_stint *s = &p->stints[i];
        int n = s->last - s->first + 1;
        if (s->mode == RP_MODE_BLOCK && s->department == 1)
            em_weeks += n;
        if (s->night)
            nights += n * (int)s->days_per_week;
        assert_false(s->mode == RP_MODE_PARALLEL && !s->night); /* no daytime session */
    }
    assert_int_equal(em_weeks, 8);
    assert_true(nights >= 20);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(m, c, p, &f);
    assert_int_equal(rp_findings_count(&f, RP_LEVEL_VIOLATION), 0);
    rp_findings_free(&f);
    rp_plan_free(p);
    rp_solve_result_free(&res);
    rp_translation_free(t);
    rp_diags_free(&d);
    rp_cohort_free(c);
    rp_model_free(m);
}

/* The model's keys: night_duty in a month calendar is refused; crediting.night_emergency must be
 * a boolean. */
static void test_night_model_keys(void **state)
{
    (void)state;
    char *got = kt_model_errors("programme: {id: m, name: m}\n"
                                "calendar: {unit: month, start_month: 4, years: 3}\n"
                                "facilities:\n"
                                "  - {id: keio, name: base, role: base}\n"
                                "night_duty: [emergency]\n"
                                "rules:\n"
                                "  - {id: R-1, kind: one-place-per-period, class: hard, source: "
                                "t}\n");
    assert_string_equal(got, "5:13: night_duty is given in days a week, but the calendar's unit "
                             "is month; expected no night_duty, or a calendar in weeks\n");
    free(got);
    char *yaml = it_tiny_model_with(NULL, NULL, "one-place-per-period", NULL);
    char *bad = rp_xasprintf("%screditing: {night_emergency: often}\n", yaml);
    got = kt_model_errors(bad);
    assert_non_null(strstr(got, "night_emergency 'often'"));
    free(got);
    free(bad);
    free(yaml);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_INIT35_Q27_L42_nights_earn_emergency_days),
        cmocka_unit_test(test_INIT35_Q27_L42_nights_cost_the_block_no_day),
        cmocka_unit_test(test_INIT35_D15_reading_nights_earn_nothing),
        cmocka_unit_test(test_INIT31_nights_are_no_sessions),
        cmocka_unit_test(test_INIT30_night_outside_emergency_violates),
        cmocka_unit_test(test_INIT35_without_night_duty_outside_the_space),
        cmocka_unit_test(test_INIT35_minami),
        cmocka_unit_test(test_INIT35_night_rows_round_trip),
        cmocka_unit_test(test_INIT35_planner_plans_nights),
        cmocka_unit_test(test_night_model_keys),
    };
    return T_RUN(tests);
}
