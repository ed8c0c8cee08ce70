/*
 * test_urban_intake_cap.c: kind `urban-intake-cap` (RAD-14: "都市部…の都府県に基幹施設がある研修
 * プログラムの場合…過去 5 年の専攻医採用実績の平均値を超えない…この上限を超えた場合は、年次で
 * 調整します", 003 §4 L339; 59 residents over 2014-2018, L331). Strict reading (D-4): at most
 * floor(11.8 k) residents in any k consecutive years, k <= 5: 11, 23, 35, 47, 59. Because the
 * seed publishes 12 (L329), a breach is a finding (RP_LEVEL_FINDING) by default and a violation
 * only under readings.intake_cap strict. The cohort is input: no rows. Plans (every resident at
 * keio for 36 months) are generated here; tests/rules/urban_intake_cap/ holds two small models.
 */
#include "kind_test.h"

#define DIR "tests/rules/urban_intake_cap/"

/* A plan with n[i] residents starting in year 2019 + i, each at keio for months 1-36. */
static rp_plan *intake_plan(const rp_model *m, const int *n, size_t years)
{
    rp_buf b = {0};
    for (size_t i = 0; i < years; i++)
        for (int k = 1; k <= n[i]; k++)
            rp_buf_printf(&b, "%zu-%02d,%zu,,keio,,block,1,36,,,\n", 2019 + i, k, 2019 + i);
    rp_plan *p = t_plan_csv(m, rp_buf_str(&b));
    rp_buf_free(&b);
    return p;
}

static rp_model *model(bool strict)
{
    rp_model *m = kt_model("RAD-14");
    m->readings.intake_cap_strict = strict;
    return m;
}

/* RAD-14 finding k: about the programme, at this level, with its limit and count. */
static const rp_finding *expect_finding(const rp_model *m, const rp_findings *f, size_t k,
                                        rp_level level, int limit, int n)
{
    const rp_finding *v = kt_nth(m, f, "RAD-14", k);
    assert_int_equal(v->level, level);
    assert_int_equal(v->resident, RP_NONE);
    assert_int_equal(v->facility, RP_NONE);
    char *required = rp_xasprintf("at most %d", limit);
    char *found = rp_xasprintf("%d", n);
    assert_string_equal(v->required, required);
    assert_string_equal(v->found, found);
    free(required);
    free(found);
    return v;
}

/* Findings of RAD-14 at each level, for the plan with these intakes. */
static void expect_counts(rp_model *m, const int *n, size_t years, size_t findings,
                          size_t violations)
{
    rp_plan *p = intake_plan(m, n, years);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(m, NULL, p, &f);
    assert_int_equal(kt_count(m, &f, "RAD-14", RP_LEVEL_FINDING), findings);
    assert_int_equal(kt_count(m, &f, "RAD-14", RP_LEVEL_VIOLATION), violations);
    assert_int_equal(f.count, findings + violations);
    rp_findings_free(&f);
    rp_plan_free(p);
}

/* RAD-14 L339 "過去 5 年の専攻医採用実績の平均値を超えない" (59 / 5 = 11.8, floor 11): 11
 * residents in 2019 give nothing */
static void test_RAD14_L339_11_residents_give_nothing(void **state)
{
    (void)state;
    rp_model *m = model(true);
    rp_plan *p = intake_plan(m, (int[]){11}, 1);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(m, NULL, p, &f);
    assert_int_equal(f.count, 0);
    rp_findings_free(&f);
    assert_int_equal(t_rows_accept(m, NULL, p, true, NULL), 1);
    rp_plan_free(p);
    rp_model_free(m);
}

/* RAD-14 L339 "この上限を超えた場合は、年次で調整します", D-4, with "2019 年度放射線科専攻医
 * 募集定員：12 名" (L329): 12 residents in 2019 are a finding, not a violation, under the default
 * reading; the rows (none) accept them */
static void test_RAD14_L329_12_residents_are_a_finding(void **state)
{
    (void)state;
    rp_model *m = model(false);
    rp_plan *p = intake_plan(m, (int[]){12}, 1);
    assert_int_equal(t_violations(m, NULL, p, "RAD-14"), 0);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(m, NULL, p, &f);
    assert_int_equal(f.count, 1);
    const rp_finding *v = expect_finding(m, &f, 0, RP_LEVEL_FINDING, 11, 12);
    assert_string_equal(v->message, "12 residents start in 2019; the urban cap "
                                    "allows 11 (past average 59/5 = 11.80 a year); to be "
                                    "adjusted across years (年次で調整)");
    rp_findings_free(&f);
    assert_int_equal(t_rows_accept(m, NULL, p, true, NULL), 1);
    rp_plan_free(p);
    rp_model_free(m);
}

/* RAD-14 L339 "過去 5 年の専攻医採用実績の平均値を超えない", D-4 strict reading (`--intake-cap
 * strict`): the same 12 are a violation */
static void test_RAD14_L339_strict_12_residents_violate(void **state)
{
    (void)state;
    rp_model *m = model(true);
    rp_plan *p = intake_plan(m, (int[]){12}, 1);
    assert_int_equal(t_violations(m, NULL, p, "RAD-14"), 1);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(m, NULL, p, &f);
    assert_int_equal(f.count, 1);
    const rp_finding *v = expect_finding(m, &f, 0, RP_LEVEL_VIOLATION, 11, 12);
    assert_string_equal(v->message, "12 residents start in 2019; the urban cap "
                                    "allows 11 (past average 59/5 = 11.80 a year)");
    rp_findings_free(&f);
    assert_int_equal(t_rows_accept(m, NULL, p, true, NULL), 1);
    rp_plan_free(p);
    rp_model_free(m);
}

/* RAD-14 L339 with "直近 5 年間（2014～2018 年度）の放射線科専攻医採用数：59 名" (L331): the
 * published 12 a year (L329) for three years, 12 + 12 + 12 = 36 > floor(3 x 11.8) = 35 (C-3):
 * three single years over 11, two pairs over 23 and the three years over 35: six findings */
static void test_RAD14_L331_three_years_of_12(void **state)
{
    (void)state;
    rp_model *m = model(true);
    rp_plan *p = intake_plan(m, (int[]){12, 12, 12}, 3);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(m, NULL, p, &f);
    assert_int_equal(kt_count(m, &f, "RAD-14", RP_LEVEL_VIOLATION), 6);
    expect_finding(m, &f, 0, RP_LEVEL_VIOLATION, 11, 12);
    expect_finding(m, &f, 3, RP_LEVEL_VIOLATION, 23, 24);
    const rp_finding *v = expect_finding(m, &f, 5, RP_LEVEL_VIOLATION, 35, 36);
    assert_string_equal(v->message, "36 residents start in 2019-2021 (3 years); the urban cap "
                                    "allows 35 (past average 59/5 = 11.80 a year)");
    rp_findings_free(&f);
    rp_plan_free(p);
    rp_model_free(m);
    m = model(false);
    expect_counts(m, (int[]){12, 12, 12}, 3, 6, 0);
    rp_model_free(m);
}

/* RAD-14 L339 "年次で調整": 11 + 12 + 11 is adjusted across years: only 2020 alone breaches */
static void test_RAD14_L339_adjusted_across_years(void **state)
{
    (void)state;
    rp_model *m = model(true);
    rp_plan *p = intake_plan(m, (int[]){11, 12, 11}, 3);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(m, NULL, p, &f);
    assert_int_equal(f.count, 1);
    const rp_finding *v = expect_finding(m, &f, 0, RP_LEVEL_VIOLATION, 11, 12);
    assert_string_equal(v->message, "12 residents start in 2020; the urban cap "
                                    "allows 11 (past average 59/5 = 11.80 a year)");
    rp_findings_free(&f);
    rp_plan_free(p);
    rp_model_free(m);
}

/* RAD-14 L339: 12 + 11 + 12 = 35: each 12 breaches alone, no pair (23) nor the three years (35) */
static void test_RAD14_L339_windows_at_their_limits(void **state)
{
    (void)state;
    rp_model *m = model(true);
    expect_counts(m, (int[]){12, 11, 12}, 3, 0, 2);
    rp_model_free(m);
}

/* RAD-14 L339: a year with no intake counts 0: 12, 0, 12 breach only as single years */
static void test_RAD14_L339_year_without_intake(void **state)
{
    (void)state;
    rp_model *m = model(true);
    expect_counts(m, (int[]){12, 0, 12}, 3, 0, 2);
    rp_model_free(m);
}

/* RAD-14 L339 "過去 5 年": 12 a year for 6 years: 6 + 5 + 4 + 3 + 2 windows of 1..5 years
 * breach; no 6-year window is bound */
static void test_RAD14_L339_windows_of_at_most_5_years(void **state)
{
    (void)state;
    rp_model *m = model(true);
    expect_counts(m, (int[]){12, 12, 12, 12, 12, 12}, 6, 0, 20);
    rp_plan *p = intake_plan(m, (int[]){12, 12, 12, 12, 12}, 5);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(m, NULL, p, &f);
    assert_int_equal(f.count, 15);
    const rp_finding *v = expect_finding(m, &f, 14, RP_LEVEL_VIOLATION, 59, 60);
    assert_string_equal(v->message, "60 residents start in 2019-2023 (5 years); the urban cap "
                                    "allows 59 (past average 59/5 = 11.80 a year)");
    rp_findings_free(&f);
    rp_plan_free(p);
    rp_model_free(m);
}

/* RAD-14 with the small model (2 past years, 5 residents: 2.5 a year): 3 in a year breach
 * (> 2), 2 + 3 over two years do not (5), 3 + 3 do (6 > 5) */
static void test_RAD14_L339_average_of_the_model_history(void **state)
{
    (void)state;
    rp_model *m = t_load_model(DIR "model.yaml");
    t_only_rule(m, "RAD-14");
    m->readings.intake_cap_strict = true;
    expect_counts(m, (int[]){2, 2, 2}, 3, 0, 0);
    expect_counts(m, (int[]){2, 3}, 2, 0, 1);
    expect_counts(m, (int[]){3, 3}, 2, 0, 3);
    expect_counts(m, (int[]){2, 2, 2, 2}, 4, 0, 0);
    rp_model_free(m);
}

/* RAD-14 L339 "都市部（東京、神奈川、愛知、大阪、福岡）": a base elsewhere (urban: false) is not
 * bound */
static void test_RAD14_L339_not_urban_binds_nothing(void **state)
{
    (void)state;
    rp_model *m = t_load_model(DIR "not-urban.yaml");
    t_only_rule(m, "RAD-14");
    m->readings.intake_cap_strict = true;
    expect_counts(m, (int[]){30, 30}, 2, 0, 0);
    rp_model_free(m);
}

/* ---- bad parameters (the tiny model of kind_test.h: params on line 12, no intake history) ---- */

static void test_RAD14_params_urban_missing(void **state)
{
    (void)state;
    kt_bad_params("urban-intake-cap", " {}",
                  "12:13: missing key 'urban' in params of rule 'R-1'\n");
}

static void test_RAD14_params_urban_not_bool(void **state)
{
    (void)state;
    kt_bad_params("urban-intake-cap", " {urban: tokyo}",
                  "12:21: urban 'tokyo' is not true or false; expected true or false\n");
}

static void test_RAD14_params_urban_without_history(void **state)
{
    (void)state;
    kt_bad_params("urban-intake-cap", " {urban: true}",
                  "12:21: rule 'R-1' needs the past intake: add intake.history with 'years' and "
                  "'total' to the model\n");
}

static void test_RAD14_params_unknown_key_hint(void **state)
{
    (void)state;
    kt_bad_params("urban-intake-cap", " {urban: false, urbam: true}",
                  "12:28: unknown key 'urbam' in params of rule 'R-1'; did you mean 'urban'?\n");
}

static void test_RAD14_params_good(void **state)
{
    (void)state;
    kt_good_params("urban-intake-cap", " {urban: false}");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_RAD14_L339_11_residents_give_nothing),
        cmocka_unit_test(test_RAD14_L329_12_residents_are_a_finding),
        cmocka_unit_test(test_RAD14_L339_strict_12_residents_violate),
        cmocka_unit_test(test_RAD14_L331_three_years_of_12),
        cmocka_unit_test(test_RAD14_L339_adjusted_across_years),
        cmocka_unit_test(test_RAD14_L339_windows_at_their_limits),
        cmocka_unit_test(test_RAD14_L339_year_without_intake),
        cmocka_unit_test(test_RAD14_L339_windows_of_at_most_5_years),
        cmocka_unit_test(test_RAD14_L339_average_of_the_model_history),
        cmocka_unit_test(test_RAD14_L339_not_urban_binds_nothing),
        cmocka_unit_test(test_RAD14_params_urban_missing),
        cmocka_unit_test(test_RAD14_params_urban_not_bool),
        cmocka_unit_test(test_RAD14_params_urban_without_history),
        cmocka_unit_test(test_RAD14_params_unknown_key_hint),
        cmocka_unit_test(test_RAD14_params_good),
    };
    return T_RUN(tests);
}
