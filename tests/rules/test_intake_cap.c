/*
 * test_intake_cap.c: kind `intake-cap` (RAD-13: "①専門研修指導医数、②年間 CT 検査件数 / 3000、
 * ③年間血管造影・IVR 件数 / 60、および④年間放射線治療件数 / 60 のうち、最も少ない数を上限と
 * します", 003 §4 L339). With the printed totals (D-6) the cap is floor(2811 / 60) = 46: IVR
 * binds (RULES.md C-3). The cohort is input, so the kind has no rows: a plan over the cap breaks
 * the check only, and the rows accept it. The plans (every resident at keio for 36 months) are
 * generated here; tests/rules/intake_cap/model.yaml is a small programme bound by its instructors.
 */
#include "kind_test.h"

#define DIR "tests/rules/intake_cap/"

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

/* The check finds no RAD-13 finding and the rows accept the plan. */
static void expect_compliant(const rp_model *m, const rp_plan *p)
{
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(m, NULL, p, &f);
    assert_int_equal(kt_count(m, &f, "RAD-13", -1), 0);
    rp_findings_free(&f);
    assert_int_equal(t_rows_accept(m, NULL, p, true, NULL), 1);
}

/* RAD-13 finding k: a violation about the programme (no resident, facility or period). */
static void expect_finding(const rp_model *m, const rp_findings *f, size_t k, int cap, int n,
                           int year)
{
    const rp_finding *v = kt_nth(m, f, "RAD-13", k);
    assert_int_equal(v->level, RP_LEVEL_VIOLATION);
    assert_int_equal(v->resident, RP_NONE);
    assert_int_equal(v->facility, RP_NONE);
    assert_int_equal(v->first, 0);
    assert_int_equal(v->last, 0);
    char *required = rp_xasprintf("at most %d residents a year", cap);
    char *found = rp_xasprintf("%d residents starting in %d", n, year);
    assert_string_equal(v->required, required);
    assert_string_equal(v->found, found);
    free(required);
    free(found);
}

/* RAD-13 L339, C-3 (IVR 2811 / 60 = 46.85 binds): 46 residents in one year */
static void test_RAD13_L339_46_residents_comply(void **state)
{
    (void)state;
    rp_model *m = kt_model("RAD-13");
    rp_plan *p = intake_plan(m, (int[]){46}, 1);
    expect_compliant(m, p);
    rp_plan_free(p);
    rp_model_free(m);
}

/* RAD-13 L339, C-3: 47 residents in 2019 exceed the cap of 46; the rows (none) accept them */
static void test_RAD13_L339_47_residents_violate(void **state)
{
    (void)state;
    rp_model *m = kt_model("RAD-13");
    rp_plan *p = intake_plan(m, (int[]){47}, 1);
    assert_int_equal(t_violations(m, NULL, p, "RAD-13"), 1);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(m, NULL, p, &f);
    assert_int_equal(f.count, 1);
    expect_finding(m, &f, 0, 46, 47, 2019);
    assert_string_equal(f.items[0].message, "47 residents start in 2019; the programme's yearly "
                                            "intake cap is 46 (IVR binds: 46.85)");
    rp_findings_free(&f);
    assert_int_equal(t_rows_accept(m, NULL, p, true, NULL), 1);
    assert_int_equal(t_rows_accept(m, NULL, p, false, NULL), 1);
    rp_plan_free(p);
    rp_model_free(m);
}

/* RAD-13 L339 "単年度当たり": the cap is per year: 46 + 46 over 2019 and 2020 comply */
static void test_RAD13_L339_cap_is_per_year(void **state)
{
    (void)state;
    rp_model *m = kt_model("RAD-13");
    rp_plan *p = intake_plan(m, (int[]){46, 46}, 2);
    expect_compliant(m, p);
    rp_plan_free(p);
    rp_model_free(m);
}

/* RAD-13 L339: each year over the cap is reported: 45 in 2019, 47 in 2020, 48 in 2021 */
static void test_RAD13_L339_each_year_over_cap_reported(void **state)
{
    (void)state;
    rp_model *m = kt_model("RAD-13");
    rp_plan *p = intake_plan(m, (int[]){45, 47, 48}, 3);
    assert_int_equal(t_violations(m, NULL, p, "RAD-13"), 2);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(m, NULL, p, &f);
    expect_finding(m, &f, 0, 46, 47, 2020);
    expect_finding(m, &f, 1, 46, 48, 2021);
    rp_findings_free(&f);
    rp_plan_free(p);
    rp_model_free(m);
}

/* RAD-13 L339, D-6 lenient reading (column sums: IVR 2824 / 60 = 47.07): 47 comply, 48 do not */
static void test_RAD13_D6_computed_totals_give_47(void **state)
{
    (void)state;
    rp_model *m = kt_model("RAD-13");
    m->readings.totals_computed = true;
    rp_plan *p = intake_plan(m, (int[]){47}, 1);
    expect_compliant(m, p);
    rp_plan_free(p);
    p = intake_plan(m, (int[]){48}, 1);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(m, NULL, p, &f);
    assert_int_equal(f.count, 1);
    expect_finding(m, &f, 0, 47, 48, 2019);
    assert_string_equal(f.items[0].message, "48 residents start in 2019; the programme's yearly "
                                            "intake cap is 47 (IVR binds: 47.07)");
    rp_findings_free(&f);
    rp_plan_free(p);
    rp_model_free(m);
}

/* RAD-13 L339 "最も少ない数": the describe sentence shows every term and the cap */
static void test_RAD13_L339_describe_shows_the_terms(void **state)
{
    (void)state;
    rp_model *m = kt_model("RAD-13");
    for (size_t i = 0; i < m->n_rules; i++) {
        if (strcmp(m->rules[i].id, "RAD-13") != 0)
            continue;
        char *s = m->rules[i].kind->describe(&m->rules[i], m);
        assert_string_equal(s, "yearly intake at most floor(min(instructors 54.30, CT/3000 104.56, "
                               "IVR/60 46.85, RT/60 57.09)) = 46");
        free(s);
    }
    rp_model_free(m);
}

/* RAD-13 L339 ①: in the small model the instructors bind (3.5): 3 comply, 4 do not; with the
 * partner's radiotherapy gone, RT binds (180 / 60 = 3) */
static void test_RAD13_L339_instructors_or_rt_may_bind(void **state)
{
    (void)state;
    rp_model *m = t_load_model(DIR "model.yaml");
    t_only_rule(m, "RAD-13");
    rp_plan *p = intake_plan(m, (int[]){3}, 1);
    expect_compliant(m, p);
    rp_plan_free(p);
    p = intake_plan(m, (int[]){4}, 1);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(m, NULL, p, &f);
    assert_int_equal(f.count, 1);
    expect_finding(m, &f, 0, 3, 4, 2019);
    assert_string_equal(f.items[0].message, "4 residents start in 2019; the programme's yearly "
                                            "intake cap is 3 (instructors binds: 3.50)");
    rp_findings_free(&f);
    m->facilities[1].rt = 0;
    kt_check(m, NULL, p, &f);
    assert_int_equal(f.count, 1);
    assert_string_equal(f.items[0].message, "4 residents start in 2019; the programme's yearly "
                                            "intake cap is 3 (RT binds: 3.00)");
    rp_findings_free(&f);
    rp_plan_free(p);
    rp_model_free(m);
}

/* ---- bad parameters (the tiny model of kind_test.h: params on line 12) ---- */

static void test_RAD13_params_absent(void **state)
{
    (void)state;
    kt_bad_params("intake-cap", NULL,
                  "8:5: rule 'R-1' (kind 'intake-cap') needs params with key 'ct'\n"
                  "8:5: rule 'R-1' (kind 'intake-cap') needs params with key 'ivr'\n"
                  "8:5: rule 'R-1' (kind 'intake-cap') needs params with key 'rt'\n");
}

static void test_RAD13_params_divisors_missing(void **state)
{
    (void)state;
    kt_bad_params("intake-cap", " {ct: 3000}",
                  "12:13: missing key 'ivr' in params of rule 'R-1'\n"
                  "12:13: missing key 'rt' in params of rule 'R-1'\n");
}

static void test_RAD13_params_divisor_zero(void **state)
{
    (void)state;
    kt_bad_params("intake-cap", " {ct: 3000, ivr: 0, rt: 60}",
                  "12:29: ivr '0' is out of range; expected a number from 1e-09 to 1e+12\n");
}

static void test_RAD13_params_divisor_negative(void **state)
{
    (void)state;
    kt_bad_params("intake-cap", " {ct: -3000, ivr: 60, rt: 60}",
                  "12:18: ct '-3000' is out of range; expected a number from 1e-09 to 1e+12\n");
}

static void test_RAD13_params_divisor_not_a_number(void **state)
{
    (void)state;
    kt_bad_params("intake-cap", " {ct: 3000, ivr: 60, rt: sixty}",
                  "12:37: rt 'sixty' is not a number; expected a number from 1e-09 to 1e+12\n");
}

static void test_RAD13_params_unknown_key_hint(void **state)
{
    (void)state;
    kt_bad_params("intake-cap", " {ct: 3000, ivr: 60, rt: 60, ivrr: 60}",
                  "12:41: unknown key 'ivrr' in params of rule 'R-1'; did you mean 'ivr'?\n");
}

static void test_RAD13_params_good(void **state)
{
    (void)state;
    kt_good_params("intake-cap", " {ct: 3000, ivr: 60, rt: 60}");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_RAD13_L339_46_residents_comply),
        cmocka_unit_test(test_RAD13_L339_47_residents_violate),
        cmocka_unit_test(test_RAD13_L339_cap_is_per_year),
        cmocka_unit_test(test_RAD13_L339_each_year_over_cap_reported),
        cmocka_unit_test(test_RAD13_D6_computed_totals_give_47),
        cmocka_unit_test(test_RAD13_L339_describe_shows_the_terms),
        cmocka_unit_test(test_RAD13_L339_instructors_or_rt_may_bind),
        cmocka_unit_test(test_RAD13_params_absent),
        cmocka_unit_test(test_RAD13_params_divisors_missing),
        cmocka_unit_test(test_RAD13_params_divisor_zero),
        cmocka_unit_test(test_RAD13_params_divisor_negative),
        cmocka_unit_test(test_RAD13_params_divisor_not_a_number),
        cmocka_unit_test(test_RAD13_params_unknown_key_hint),
        cmocka_unit_test(test_RAD13_params_good),
    };
    return T_RUN(tests);
}
