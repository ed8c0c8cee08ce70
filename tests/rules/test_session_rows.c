/*
 * test_session_rows.c: the forms of a parallel row beyond a weekly session. INIT-39: sessions
 * given as a total over a row's weeks (`days_total`), 000 Q15 (L28): "並行研修を行う日について
 * は、あらかじめ定めなければならないのでしょうか。" "必ずしも予め定める必要はありません". INIT-35:
 * night emergency duty (当直) beside a daytime block of another field, RULES.md
 * INIT-35, from seed 000 Q27 (L42): "救急部門における並行研修についても、ダブルカウントは不可と
 * なります。ただし、例えば、日中に必修分野の研修を行い、夜間に救急部門を研修することは可能です。"
 * A plan writes it as a `night` row (mode night, department emergency, days_per_week nights a
 * week). It is the crediting of credit.h (the night earns emergency days, the block loses no
 * day: the model's crediting.night_emergency, RULES.md D-15's reading when false) as the kinds
 * field-minimum (INIT-11, INIT-12) and parallel-sessions (INIT-30, INIT-31) judge it, and the
 * planner's night pieces (the model's night_duty). Shared by several kinds: listed in
 * test_registry.c. Fixtures in tests/rules/session_rows/ (variants of the INIT base plan,
 * init_test.h; minami-night-20.csv of minami-general-2024's).
 */
#include "init_test.h"
#include "structure_test.h"

#include "report/writers.h"
#include "rotaplan/report.h"
#include "rotaplan/solve.h"
#include "rotaplan/translate.h"

#define DIR "tests/rules/session_rows/"

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

/* ---- INIT-39: sessions as a total over a row's weeks ---- */

/* INIT-39, 000 Q15 (L28): 20 emergency sessions over weeks 57-76 on days not fixed (a total)
 * credit as 20 weekly ones do: with the 8-week block, INIT-12's 60 days. A total is no weekly
 * session the planner's pieces hold: outside the space (the weekly form is inside it). */
static void test_INIT39_Q15_L28_total_credits_as_weekly_sessions(void **state)
{
    (void)state;
    it_fixture x = it_load(DIR, "INIT-12", "em-total-20", NULL);
    assert_int_equal(t_violations(x.m, x.c, x.p, "INIT-12"), 0);
    assert_int_equal(t_rows_accept(x.m, x.c, x.p, true, NULL), -1);
    it_unload(&x);
    x = it_load(DIR, "INIT-12", "em-weekly-20", NULL);
    t_expect_compliant(x.m, x.c, x.p, "INIT-12");
    it_unload(&x);
    x = it_load(DIR, "INIT-12", "em-total-16", NULL);
    assert_int_equal(t_violations(x.m, x.c, x.p, "INIT-12"), 1);
    it_expect_finding(&x, "INIT-12", 0, RP_LEVEL_VIOLATION, 0, "-", 1, 104,
                      "12 weeks (60 days)", "56 days");
    it_unload(&x);
}

/* INIT-39 with INIT-32, 000 Q15 (L28): "必修科目の間に一般外来の並行研修を行う場合、必修科目の研修
 * 期間を延ばす必要が生じることもある": 4 general-outpatient days (the core's clinic serves IM) during
 * the 4 weeks of surgery leave surgery 16 days (INIT-13). */
static void test_INIT39_Q15_L28_total_taken_from_the_required_block(void **state)
{
    (void)state;
    it_fixture x = it_load(DIR, "INIT-13", "go-total-in-surgery", NULL);
    assert_int_equal(t_violations(x.m, x.c, x.p, "INIT-13"), 1);
    it_expect_finding(&x, "INIT-13", 0, RP_LEVEL_VIOLATION, 0, "-", 1, 104,
                      "4 weeks (20 days)", "16 days");
    it_unload(&x);
}

/* INIT-39 with INIT-31 (RULES.md: "N <= number of weeks"): 24 sessions in 20 weeks are more than
 * one a week; 20 are not. */
static void test_INIT39_INIT31_total_at_most_one_a_week(void **state)
{
    (void)state;
    it_fixture x = it_load(DIR, "INIT-31", "em-total-24", NULL);
    assert_int_equal(t_violations(x.m, x.c, x.p, "INIT-31"), 1);
    it_expect_finding(&x, "INIT-31", 0, RP_LEVEL_VIOLATION, 0, "city", 57, 76,
                      "at most 1 session a week", "24 sessions in 20 weeks");
    it_unload(&x);
    x = it_load(DIR, "INIT-31", "em-total-20", NULL);
    assert_int_equal(t_violations(x.m, x.c, x.p, "INIT-31"), 0);
    it_unload(&x);
}

/* The second model (minami-general-2024, another shape): er 4 weeks, anaesthesiology 4 and 20
 * sessions in er given as a total over weeks 1-20 of internal medicine make INIT-12's 60 days
 * (64 with 4 more during paediatrics), and those 4 leave paediatrics' 4 weeks 16 days (INIT-13). */
static void test_INIT39_minami(void **state)
{
    (void)state;
    kt_fixture x = st_load(DIR, "INIT-12", "minami-total-20");
    assert_int_equal(t_violations(x.m, x.c, x.p, "INIT-12"), 0);
    kt_unload(&x);
    x = st_load(DIR, "INIT-13", "minami-total-20");
    assert_int_equal(t_violations(x.m, x.c, x.p, "INIT-13"), 1);
    it_expect_finding(&x, "INIT-13", 0, RP_LEVEL_VIOLATION, 0, "-", 1, 104, NULL, "16 days");
    kt_unload(&x);
}

/* A total is written in the optional column days_total (the header gains it only then) and in
 * YAML's days_total, and read back; bad values are located errors. */
static void test_INIT39_days_total_round_trip_and_bad_cells(void **state)
{
    (void)state;
    it_fixture x = it_load(DIR, NULL, "em-total-20", NULL);
    for (int yaml = 0; yaml <= 1; yaml++) {
        char *path = t_write_temp(yaml ? ".yaml" : ".csv", "");
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        assert_int_equal(yaml ? rp_report_yaml(x.m, x.p, f) : rp_report_csv(x.m, x.p, false, f),
                         0);
        fclose(f);
        rp_plan *back = t_plan_file(x.m, path);
        size_t totals = 0;
        for (size_t i = 0; i < back->n_stints; i++)
            if (back->stints[i].days_total > 0) {
                totals++;
                assert_float_equal(back->stints[i].days_total, 20, 0);
                assert_float_equal(back->stints[i].days_per_week, 1, 0);
            }
        assert_int_equal(totals, 1);
        rp_plan_free(back);
        unlink(path);
        free(path);
    }
    /* a plan without totals keeps the contract's header */
    it_fixture w = it_load(DIR, NULL, "em-weekly-20", NULL);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_int_equal(rp_report_csv(w.m, w.p, false, f), 0);
    fclose(f);
    assert_int_equal(strncmp(buf, RP_CSV_HEADER "\n", strlen(RP_CSV_HEADER) + 1), 0);
    free(buf);
    it_unload(&w);
    char *path = t_write_temp(".csv", "resident,cohort,course,facility,department,mode,"
                                      "start_period,end_period,start_date,end_date,"
                                      "days_per_week,days_total\n"
                                      "r1,2020,,core,internal-medicine,block,1,104,,,,3\n"
                                      "r1,2020,,core,emergency,parallel,1,4,,,,21\n"
                                      "r1,2020,,core,emergency,parallel,5,8,,,2,4\n"
                                      "r1,2020,,core,emergency,parallel,9,12,,,,0.3\n");
    rp_plan *p = NULL;
    rp_diags d = RP_DIAGS_INIT;
    assert_int_equal(rp_plan_read(x.m, path, &p, &d), -1);
    char *text = t_diags_text(&d);
    assert_string_equal(text,
                        "2:48: days_total '3' is given on a block stint; expected it empty\n"
                        "3:41: days_total '21' is not a number of days; expected a multiple of "
                        "0.5 from 0.5 to 20 (5 days a period of the row)\n"
                        "4:40: days_per_week '2' is not a session's length; expected 0.5 or 1 "
                        "(or empty: 1) on a row with days_total\n"
                        "5:42: days_total '0.3' is not a number of days; expected a multiple of "
                        "0.5 from 0.5 to 20 (5 days a period of the row)\n");
    free(text);
    rp_diags_free(&d);
    unlink(path);
    free(path);
    it_unload(&x);
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
        cmocka_unit_test(test_INIT39_Q15_L28_total_credits_as_weekly_sessions),
        cmocka_unit_test(test_INIT39_Q15_L28_total_taken_from_the_required_block),
        cmocka_unit_test(test_INIT39_INIT31_total_at_most_one_a_week),
        cmocka_unit_test(test_INIT39_minami),
        cmocka_unit_test(test_INIT39_days_total_round_trip_and_bad_cells),
    };
    return T_RUN(tests);
}
