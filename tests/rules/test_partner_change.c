/*
 * test_partner_change.c: kind `partner-change` (seed 003 §7-2 L568: "専門研修連携施設は原則とし
 * て1年ごと異動しますが、状況により2年間同一施設もあり得ます", not in RULES.md): a stay at one
 * partner longer than a year is a finding, not a violation, and the planner prefers a change.
 * Fixtures in tests/rules/partner_change/: one resident r1 of cohort 2019, course B.
 */
#include "kind_test.h"

#include "rotaplan/solve.h"
#include "rotaplan/translate.h"

#define DIR "tests/rules/partner_change/"
#define ID "SEED-003-L568"

/* The real model with the rule alone (and RAD-06), the plan and, when not NULL, residents. */
static kt_fixture load(const char *plan, const char *residents)
{
    return kt_load(kt_model(ID), DIR, plan, residents);
}

/* L568 "原則として1年ごと異動": keio, then tokyo-mc and saitama-city a year each: nothing to
 * report, and the rows take the plan. */
static void test_L568_partner_each_year_complies(void **state)
{
    (void)state;
    kt_fixture x = load("partner-each-year", NULL);
    t_expect_compliant(x.m, x.c, x.p, ID);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, x.c, x.p, &f);
    assert_int_equal(kt_count(x.m, &f, ID, -1), 0);
    rp_findings_free(&f);
    kt_unload(&x);
}

/* L568 "状況により2年間同一施設もあり得ます": tokyo-mc for years 2 and 3 is allowed (no
 * violation, the rows accept it) and reported as a finding on months 13-36. */
static void test_L568_two_years_at_one_partner_is_a_finding(void **state)
{
    (void)state;
    kt_fixture x = load("two-years-at-tokyo-mc", NULL);
    t_expect_compliant(x.m, x.c, x.p, ID);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, x.c, x.p, &f);
    assert_int_equal(kt_count(x.m, &f, ID, -1), 1);
    const rp_finding *v = kt_nth(x.m, &f, ID, 0);
    assert_int_equal(v->level, RP_LEVEL_FINDING);
    assert_int_equal(v->first, 13);
    assert_int_equal(v->last, 36);
    assert_string_equal(kt_facility(x.m, v), "tokyo-mc");
    assert_string_equal(v->required, "at most 12 months at one partner");
    assert_string_equal(v->found, "24 months");
    assert_non_null(strstr(v->message, "stays at the partner tokyo-mc for 24 months (months "
                                       "13-36 (2020-04 to 2022-03))"));
    rp_findings_free(&f);
    kt_unload(&x);
}

/* L568 (as above, "原則として"): planned with RAD-07, RAD-09 and this rule, and a weight for
 * soft rules (the model's is 0), a course-B resident with no wishes gets two partners, one a
 * year. */
static void test_L568_planner_prefers_a_change(void **state)
{
    (void)state;
    rp_model *m = t_load_model(KT_MODEL);
    m->objective.soft = 0.01;
    for (size_t i = 0; i < m->n_rules; i++) {
        const char *id = m->rules[i].id;
        m->rules[i].enabled = strcmp(id, ID) == 0 || strcmp(id, "RAD-06") == 0 ||
                              strcmp(id, "RAD-07") == 0 || strcmp(id, "RAD-09") == 0;
    }
    rp_cohort *c = t_load_cohort(m, DIR "course-b.yaml");
    rp_translation *t = NULL;
    rp_diags d = RP_DIAGS_INIT;
    assert_int_equal(rp_translate(m, c, NULL, &t, &d), 0);
    rp_solve_options opt = {0, 0, false, NULL, NULL, NULL}; /* no clock: optimal or a failure */
    rp_solve_result res;
    assert_int_equal(rp_solve(t->ilp, &opt, &res, &d), 0);
    assert_int_equal(res.status, RP_SOLVE_OPTIMAL);
    rp_plan *p = NULL;
    assert_int_equal(rp_decode(t, res.x, &p, &d), 0);
    int at13 = RP_NONE, at25 = RP_NONE;
    for (size_t i = 0; i < p->n_stints; i++) {
        const rp_stint *s = &p->stints[i];
        if (s->first <= 13 && 13 <= s->last)
            at13 = s->facility;
        if (s->first <= 25 && 25 <= s->last)
            at25 = s->facility;
    }
    assert_true(at13 >= 0 && at25 >= 0);
    assert_int_not_equal(at13, at25);
    assert_int_equal(t_violations(m, c, p, ID), 0);
    rp_plan_free(p);
    rp_solve_result_free(&res);
    rp_translation_free(t);
    rp_diags_free(&d);
    rp_cohort_free(c);
    rp_model_free(m);
}

/* A second, differently shaped model (kind_test.h's tiny model, one partner): two years at
 * tokyo-mc are a finding there too. */
static void test_L568_tiny_model(void **state)
{
    (void)state;
    char *yaml = kt_tiny_model("partner-change", " {months: 12}");
    char *path = t_write_temp(".yaml", yaml);
    rp_model *m = t_load_model(path);
    rp_plan *p = t_plan_csv(m, "r1,2019,,keio,,block,1,12,,,\n"
                               "r1,2019,,tokyo-mc,,block,13,36,,,\n");
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(m, NULL, p, &f);
    assert_int_equal(f.count, 1);
    assert_int_equal(f.items[0].level, RP_LEVEL_FINDING);
    assert_string_equal(f.items[0].found, "24 months");
    rp_findings_free(&f);
    rp_plan_free(p);
    rp_model_free(m);
    unlink(path);
    free(path);
    free(yaml);
}

static void test_L568_params_months_missing(void **state)
{
    (void)state;
    kt_bad_params("partner-change", " {}",
                  "12:13: missing key 'months' in params of rule 'R-1'\n");
}

static void test_L568_params_good(void **state)
{
    (void)state;
    kt_good_params("partner-change", " {months: 12}");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_L568_partner_each_year_complies),
        cmocka_unit_test(test_L568_two_years_at_one_partner_is_a_finding),
        cmocka_unit_test(test_L568_planner_prefers_a_change),
        cmocka_unit_test(test_L568_tiny_model),
        cmocka_unit_test(test_L568_params_months_missing),
        cmocka_unit_test(test_L568_params_good),
    };
    return T_RUN(tests);
}
