/*
 * test_coop_weeks.c: kind `coop-weeks`, at least 8 weeks a resident at a 協力型 hospital (INIT-53,
 * soft), from seed 000 Q57 (L76): "研修医1人当たりの研修期間が8週以上となることを必須とする" and
 * "8週未満の実績も含め、直近5年の平均を算出することになります" (stays under 8 weeks still enter the
 * average). On models/initial-residency-2020.yaml (coop hospitals psych and city), on
 * models/minami-general-2024.yaml (coop kita; another shape: 6-week blocks) and per resident.
 * Fixtures in tests/rules/coop_weeks/; base.csv is the INIT kinds' base plan (init_test.h).
 *
 * The rule is soft: check gives a warning, never a violation, and its rows only price the
 * shortfall: the twin test fixes a plan's pieces and reads the objective the rows give it.
 */
#include "init_test.h"
#include "structure_test.h"

#include "rotaplan/solve.h"
#include "rotaplan/translate.h"

#define DIR "tests/rules/coop_weeks/"
#define REQ_MEAN "at least 8 weeks a resident on average"

static it_fixture load(const char *plan)
{
    return it_load(DIR, "INIT-53", plan, NULL);
}

/* The objective the model's rows give the plan (its pieces fixed, the rule's own columns free,
 * every other objective term weighed 0): the soft term alone. */
static double rows_objective(rp_model *m, const rp_plan *p)
{
    rp_objective *o = &m->objective;
    o->wishes = o->balance = o->sessions = o->stints = o->away = o->excess = o->standard = 0;
    rp_cohort *c = t_cohort_of_plan(p);
    rp_translate_options opt = {true, false, false, false, false, NULL, NULL};
    rp_translation *t = NULL;
    rp_diags d = RP_DIAGS_INIT;
    assert_int_equal(rp_translate(m, c, &opt, &t, &d), 0);
    double *fixed = NULL, *x = NULL;
    assert_int_equal(rp_encode(t, p, &fixed, &d), 0);
    rp_solve_options so = {0};
    assert_int_equal(rp_solve_partial(t->ilp, fixed, &so, &x), 0);
    double obj = rp_ilp_objective(t->ilp, x);
    free(x);
    free(fixed);
    rp_translation_free(t);
    rp_diags_free(&d);
    rp_cohort_free(c);
    return obj;
}

/* INIT-53, 000 Q57 (L76): the base plan's 4 weeks at psych are under 8: a warning at psych (its
 * only resident, 4 weeks), none at city (48 weeks); no violation, and the rows accept the plan
 * (a soft rule constrains nothing). The objective prices the 4 weeks short: 0.1 x 4 / 8. */
static void test_INIT53_Q57_L76_four_weeks_at_psych_warns(void **state)
{
    (void)state;
    it_fixture x = load("base");
    t_expect_compliant(x.m, x.c, x.p, "INIT-53");
    assert_int_equal(it_count(&x, "INIT-53", RP_LEVEL_WARNING), 1);
    it_expect_finding(&x, "INIT-53", 0, RP_LEVEL_WARNING, RP_NONE, "psych", 0, 0, REQ_MEAN,
                      "4 weeks (4 weeks over 1 resident)");
    char *msg = it_message(&x, "INIT-53", 0);
    assert_non_null(strstr(msg, "under 8 weeks: r1 (4)"));
    free(msg);
    assert_float_equal(rows_objective(x.m, x.p), -0.1 * 4 / 8, 1e-6);
    it_unload(&x);
}

/* INIT-53: 8 weeks at psych (emergency shortened to 8 weeks to make room) meet it: no warning,
 * and the objective term is 0. */
static void test_INIT53_eight_weeks_at_psych_complies(void **state)
{
    (void)state;
    it_fixture x = load("psych-8");
    t_expect_compliant(x.m, x.c, x.p, "INIT-53");
    assert_int_equal(it_count(&x, "INIT-53", -1), 0);
    assert_float_equal(rows_objective(x.m, x.p), 0, 1e-6);
    it_unload(&x);
}

/* Q57's average ("8週未満の実績も含め…平均を算出"): r1 4 weeks and r2 8 weeks at psych make 6 on
 * average, a warning naming r1; r1 4 and r2 12 make 8, none. The rows price 16 - 12 = 4 weeks,
 * then none. */
static void test_INIT53_Q57_mean_over_the_residents(void **state)
{
    (void)state;
    it_fixture x = load("psych-4-and-8");
    it_expect_finding(&x, "INIT-53", 0, RP_LEVEL_WARNING, RP_NONE, "psych", 0, 0, REQ_MEAN,
                      "6 weeks (12 weeks over 2 residents)");
    assert_int_equal(it_count(&x, "INIT-53", -1), 1);
    char *msg = it_message(&x, "INIT-53", 0);
    assert_non_null(strstr(msg, "under 8 weeks: r1 (4)"));
    assert_null(strstr(msg, "r2"));
    free(msg);
    assert_float_equal(rows_objective(x.m, x.p), -0.1 * 4 / 8, 1e-6);
    it_unload(&x);
    x = load("psych-4-and-12");
    t_expect_compliant(x.m, x.c, x.p, "INIT-53");
    assert_int_equal(it_count(&x, "INIT-53", -1), 0);
    assert_float_equal(rows_objective(x.m, x.p), 0, 1e-6);
    it_unload(&x);
}

/* `per: resident` (every resident, the stricter reading), on a tiny group of another shape (one
 * coop hospital, residents there at the end of year 2): r1's 4 weeks warn even though the mean
 * with r2's 12 is 8; the warning names r1 and the coop, and the rows price r1's 4 weeks. */
static void test_INIT53_per_resident(void **state)
{
    (void)state;
    char *yaml = rp_xasprintf("programme: {id: tiny-init, name: tiny}\n" IT_TINY_CALENDAR "\n"
                              "fields: {internal-medicine: IM, emergency: EM}\n"
                              "facilities:\n"
                              "  - {id: core, name: core, kind: core, beds: 520, departments: "
                              "[{id: internal-medicine, capacity: 2}, {id: emergency, "
                              "capacity: 2}]}\n"
                              "  - {id: coop, name: coop, kind: coop, beds: 300, departments: "
                              "[{id: internal-medicine, capacity: 2}]}\n"
                              "objective: {soft: 0.1}\n"
                              "rules:\n"
                              "  - {id: INIT-05, kind: one-place-per-period, class: hard, "
                              "source: test}\n"
                              "  - {id: R-1, kind: coop-weeks, class: soft, source: test, "
                              "params: {weeks: 8, per: resident}}\n");
    char *path = t_write_temp(".yaml", yaml);
    rp_model *m = t_load_model(path);
    unlink(path);
    free(path);
    free(yaml);
    rp_plan *p = t_plan_csv(m, "r1,2020,,core,internal-medicine,block,1,100,,,\n"
                               "r1,2020,,coop,internal-medicine,block,101,104,,,\n"
                               "r2,2020,,core,emergency,block,1,92,,,\n"
                               "r2,2020,,coop,internal-medicine,block,93,104,,,\n");
    t_expect_compliant(m, NULL, p, "R-1");
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(m, NULL, p, &f);
    assert_int_equal(kt_count(m, &f, "R-1", RP_LEVEL_WARNING), 1);
    const rp_finding *w = kt_nth(m, &f, "R-1", 0);
    assert_int_equal(w->resident, 0);
    assert_string_equal(kt_facility(m, w), "coop");
    assert_string_equal(w->required, "at least 8 weeks at a 協力型 hospital");
    assert_string_equal(w->found, "4 weeks");
    rp_findings_free(&f);
    assert_float_equal(rows_objective(m, p), -0.1 * 4 / 8, 1e-6);
    rp_plan_free(p);
    rp_model_free(m);
}

/* The second model (minami-general-2024, coop kita): its base plan's 4 weeks of psychiatry at
 * kita warn; 8 weeks there do not. */
static void test_INIT53_minami_kita(void **state)
{
    (void)state;
    kt_fixture x = st_load(DIR, "INIT-53", "minami-kita-4");
    t_expect_compliant(x.m, x.c, x.p, "INIT-53");
    it_expect_finding(&x, "INIT-53", 0, RP_LEVEL_WARNING, RP_NONE, "kita", 0, 0, REQ_MEAN,
                      "4 weeks (4 weeks over 1 resident)");
    assert_float_equal(rows_objective(x.m, x.p), -0.1 * 4 / 8, 1e-6);
    kt_unload(&x);
    x = st_load(DIR, "INIT-53", "minami-kita-8");
    t_expect_compliant(x.m, x.c, x.p, "INIT-53");
    assert_int_equal(it_count(&x, "INIT-53", -1), 0);
    assert_float_equal(rows_objective(x.m, x.p), 0, 1e-6);
    kt_unload(&x);
}

/* ---- bad parameters (the tiny model of init_test.h: params on line 12) ---- */

static void test_params_missing_weeks(void **state)
{
    (void)state;
    it_bad_params("coop-weeks", " {per: facility}",
                  "12:13: missing key 'weeks' in params of rule 'R-1'\n");
}

static void test_params_bad_values(void **state)
{
    (void)state;
    it_bad_params("coop-weeks", " {weeks: 0, per: everyone}",
                  "12:21: weeks '0' is out of range; expected a whole number from 1 to 104\n"
                  "12:29: unknown per 'everyone'; expected one of facility, resident\n");
}

static void test_params_month_calendar_refused(void **state)
{
    (void)state;
    kt_bad_params("coop-weeks", " {weeks: 8}",
                  "9:11: rule kind 'coop-weeks' counts weeks, but the calendar's unit is month; "
                  "expected a kind that counts the calendar's periods, or a calendar in weeks\n");
}

static void test_params_good(void **state)
{
    (void)state;
    it_good_params("coop-weeks", " {weeks: 8}");
    it_good_params("coop-weeks", " {weeks: 8, per: resident}");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_INIT53_Q57_L76_four_weeks_at_psych_warns),
        cmocka_unit_test(test_INIT53_eight_weeks_at_psych_complies),
        cmocka_unit_test(test_INIT53_Q57_mean_over_the_residents),
        cmocka_unit_test(test_INIT53_per_resident),
        cmocka_unit_test(test_INIT53_minami_kita),
        cmocka_unit_test(test_params_missing_weeks),
        cmocka_unit_test(test_params_bad_values),
        cmocka_unit_test(test_params_month_calendar_refused),
        cmocka_unit_test(test_params_good),
    };
    return T_RUN(tests);
}
