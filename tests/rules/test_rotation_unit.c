/*
 * test_rotation_unit.c: kind `rotation-unit` (RAD-07: "本プログラムでは各施設1年単位での
 * ローテートを基本としています", 003 §7-1 L535; "専門研修連携施設は原則として 1 年ごと異動
 * しますが、状況により 2 年間同一施設もあり得ます", §7-2 L568). Exception: the year of course
 * A's partner window (RAD-08, L567), where the months away from keio form one stretch with keio
 * before and after it. Fixtures in tests/rules/rotation_unit/: one resident r1 of cohort 2019.
 */
#include "kind_test.h"

#define DIR "tests/rules/rotation_unit/"

typedef kt_fixture fixture;

static fixture load(const char *plan, const char *residents)
{
    return kt_load(kt_model("RAD-07"), DIR, plan, residents);
}

static void unload(fixture *x)
{
    kt_unload(x);
}

static void expect_compliant(const char *plan, const char *residents)
{
    fixture x = load(plan, residents);
    t_expect_compliant(x.m, x.c, x.p, "RAD-07");
    unload(&x);
}

/* Finding k of RAD-07 in f: resident r1, no single facility. */
static void expect_finding(const fixture *x, const rp_findings *f, size_t k, int first, int last,
                           const char *required, const char *found)
{
    const rp_finding *v = kt_nth(x->m, f, "RAD-07", k);
    assert_int_equal(v->level, RP_LEVEL_VIOLATION);
    assert_int_equal(v->resident, 0);
    assert_int_equal(v->facility, RP_NONE);
    assert_int_equal(v->first, first);
    assert_int_equal(v->last, last);
    assert_string_equal(v->required, required);
    assert_string_equal(v->found, found);
}

#define UNIT "one facility per 12-month unit"

/* RAD-07 L535, L568 "状況により 2 年間同一施設もあり得ます": course B, keio, then tokyo-mc for
 * years 2 and 3 */
static void test_RAD07_L568_same_partner_two_years_complies(void **state)
{
    (void)state;
    expect_compliant("course-b", NULL);
}

/* RAD-07 L535 "各施設1年単位でのローテートを基本": course C, tokyo-mc, keio, tokyo-mc, each a
 * whole year */
static void test_RAD07_L535_whole_years_comply(void **state)
{
    (void)state;
    expect_compliant("course-c", NULL);
}

/* RAD-07 L535 "各施設1年単位": tokyo-mc starts in month 19, in the middle of year 2 */
static void test_RAD07_L535_stint_starting_mid_year_violates(void **state)
{
    (void)state;
    fixture x = load("mid-year", NULL);
    t_expect_violation(x.m, x.c, x.p, "RAD-07", 1);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, x.c, x.p, &f);
    assert_int_equal(f.count, 1);
    expect_finding(&x, &f, 0, 13, 24, UNIT, "keio, tokyo-mc");
    assert_string_equal(f.items[0].message,
                        "resident r1 changes facility inside the rotation unit months 13-24 "
                        "(2020-04 to 2021-03) (keio, tokyo-mc); facilities rotate in units of "
                        "12 months");
    rp_findings_free(&f);
    unload(&x);
}

/* RAD-07 L535 "1年単位": every broken unit is reported: year 1 (keio, tokyo-mc) and year 3
 * (tokyo-mc, kawasaki) */
static void test_RAD07_L535_each_broken_unit_reported(void **state)
{
    (void)state;
    fixture x = load("two-mid-year", NULL);
    t_expect_violation(x.m, x.c, x.p, "RAD-07", 2);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, x.c, x.p, &f);
    expect_finding(&x, &f, 0, 1, 12, UNIT, "keio, tokyo-mc");
    expect_finding(&x, &f, 1, 25, 36, UNIT, "tokyo-mc, kawasaki");
    rp_findings_free(&f);
    unload(&x);
}

/* RAD-07 with RAD-08 L567 "コース A：…2 年目に 4 ヶ月連携施設で研修する場合があります": keio
 * 13-16, tokyo-mc 17-20, keio 21-24 */
static void test_RAD07_L567_course_a_window_complies(void **state)
{
    (void)state;
    expect_compliant("window-a", NULL);
}

/* RAD-07 with RAD-08 L567 "2 年目に 4 ヶ月": the window may open year 2 (tokyo-mc 13-16, then
 * keio 17-24) */
static void test_RAD07_L567_window_at_start_of_year_complies(void **state)
{
    (void)state;
    expect_compliant("window-at-start-a", NULL);
}

/* RAD-07 with RAD-08 L567, RULES.md RAD-07 "the window, and the keio runs on either side of it":
 * keio in month 17, inside the partner months 15-19 */
static void test_RAD07_L567_keio_inside_window_violates(void **state)
{
    (void)state;
    fixture x = load("window-keio-inside", NULL);
    t_expect_violation(x.m, x.c, x.p, "RAD-07", 1);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, x.c, x.p, &f);
    assert_int_equal(f.count, 1);
    expect_finding(&x, &f, 0, 13, 24, "one facility, or a window of exactly 4 months at one partner",
                   "keio, tokyo-mc, keio, tokyo-mc, keio");
    rp_findings_free(&f);
    unload(&x);
}

/* RAD-07, RULES.md RAD-07 "Exceptions: the RAD-08 window": the exception is course A's window
 * of exactly 4 months (L567 "4 ヶ月"); 5 months at a partner inside year 2 is no window */
static void test_RAD07_L567_five_month_stretch_violates(void **state)
{
    (void)state;
    fixture x = load("window-5-months", NULL);
    t_expect_violation(x.m, x.c, x.p, "RAD-07", 1);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, x.c, x.p, &f);
    assert_int_equal(f.count, 1);
    expect_finding(&x, &f, 0, 13, 24, "one facility, or a window of exactly 4 months at one partner",
                   "keio, tokyo-mc, keio");
    rp_findings_free(&f);
    unload(&x);
}

/* RAD-07 L567: the window is one stretch at one partner; 2 months at tokyo-mc then 2 at kawasaki
 * is not it */
static void test_RAD07_L567_window_at_two_partners_violates(void **state)
{
    (void)state;
    fixture x = load("window-two-partners", NULL);
    t_expect_violation(x.m, x.c, x.p, "RAD-07", 1);
    unload(&x);
}

/* RAD-07 L535 "1年単位", L567 ("コース A：" alone has the window): course B with course A's
 * window */
static void test_RAD07_L567_window_outside_course_a_violates(void **state)
{
    (void)state;
    fixture x = load("window-b", NULL);
    t_expect_violation(x.m, x.c, x.p, "RAD-07", 1);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, x.c, x.p, &f);
    expect_finding(&x, &f, 0, 13, 24, UNIT, "keio, tokyo-mc, keio");
    rp_findings_free(&f);
    unload(&x);
}

/* RAD-07 L567 "コース A：…2 年目に 4 ヶ月連携施設で研修する場合があります": a plan naming no
 * course whose blocks fit course A takes A's window */
static void test_RAD07_L567_window_without_course_fits_a(void **state)
{
    (void)state;
    expect_compliant("window-no-course", NULL);
}

/* RAD-07 L535 with RAD-25 "留学期間…は、研修期間にカウントできません" (L781): months abroad hold
 * no facility and are passed over inside a unit: keio 1-6, abroad 7-12, tokyo-mc from year 2 */
static void test_RAD07_L781_abroad_inside_unit_complies(void **state)
{
    (void)state;
    expect_compliant("abroad-inside-unit", "abroad-7-12");
}

/* RAD-07 L535 "各施設1年単位" with RAD-25 (L781): keio 1-6, abroad 7-9, then tokyo-mc from month
 * 10: the change is inside year 1 even across the months abroad */
static void test_RAD07_L781_change_across_abroad_violates(void **state)
{
    (void)state;
    fixture x = load("abroad-then-partner", "abroad-7-9");
    t_expect_violation(x.m, x.c, x.p, "RAD-07", 1);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, x.c, x.p, &f);
    assert_int_equal(f.count, 1);
    expect_finding(&x, &f, 0, 1, 12, UNIT, "keio, tokyo-mc");
    rp_findings_free(&f);
    unload(&x);
}

/* ---- bad parameters (the tiny model of kind_test.h: params on line 12, 3 years) ---- */

static void test_RAD07_params_months_missing(void **state)
{
    (void)state;
    kt_bad_params("rotation-unit", NULL,
                  "8:5: rule 'R-1' (kind 'rotation-unit') needs params with key 'months'\n");
}

static void test_RAD07_params_months_zero(void **state)
{
    (void)state;
    kt_bad_params("rotation-unit", " {months: 0}",
                  "12:22: months '0' is out of range; expected a whole number from 1 to 36\n");
}

static void test_RAD07_params_months_longer_than_programme(void **state)
{
    (void)state;
    kt_bad_params("rotation-unit", " {months: 37}",
                  "12:22: months '37' is out of range; expected a whole number from 1 to 36\n");
}

static void test_RAD07_params_months_not_a_number(void **state)
{
    (void)state;
    kt_bad_params("rotation-unit", " {months: year}",
                  "12:22: months 'year' is not a whole number; expected a whole number from 1 "
                  "to 36\n");
}

static void test_RAD07_params_unknown_key_hint(void **state)
{
    (void)state;
    kt_bad_params("rotation-unit", " {months: 12, monthes: 12}",
                  "12:26: unknown key 'monthes' in params of rule 'R-1'; did you mean "
                  "'months'?\n");
}

static void test_RAD07_params_good(void **state)
{
    (void)state;
    kt_good_params("rotation-unit", " {months: 12}");
}

/* ---- the extension (RULES.md RAD-07: "extension months beyond 36 (RAD-27)" are exempt) ---- */

/* The real model with RAD-04 (3-month partner stints), RAD-07 and RAD-09 enabled and the
 * model's own reading of uncounted leave (the programme is extended). */
static fixture load_extended(const char *plan)
{
    rp_model *m = t_load_model(KT_MODEL);
    for (size_t i = 0; i < m->n_rules; i++) {
        const char *id = m->rules[i].id;
        m->rules[i].enabled = strcmp(id, "RAD-04") == 0 || strcmp(id, "RAD-06") == 0 ||
                              strcmp(id, "RAD-07") == 0 || strcmp(id, "RAD-09") == 0;
    }
    return kt_load(m, DIR, plan, "abroad-2-months-a");
}

static void expect_extended_compliant(const char *plan)
{
    fixture x = load_extended(plan);
    assert_int_equal(rp_horizon(x.m, &x.c->residents[0]), 38);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, x.c, x.p, &f);
    assert_int_equal(kt_count(x.m, &f, "RAD-04", RP_LEVEL_VIOLATION) +
                         kt_count(x.m, &f, "RAD-07", RP_LEVEL_VIOLATION) +
                         kt_count(x.m, &f, "RAD-09", RP_LEVEL_VIOLATION),
                     0);
    rp_findings_free(&f);
    assert_int_equal(t_rows_accept(x.m, x.c, x.p, true, NULL), 1);
    assert_int_equal(t_rows_accept(x.m, x.c, x.p, false, NULL), 1);
    unload(&x);
}

/* RAD-07, RAD-27 (issue 14): course A, 2 months abroad (RAD-25) extend the programme to month
 * 38; the year-3 partner stint runs on into the extension, 14 months at tokyo-mc. The shaped
 * model once cut months 37-38 into a 12-month unit of their own, where RAD-04 admits no
 * 2-month partner piece: "no compliant plan exists ... RAD-09 month 37". */
static void test_RAD07_RAD27_partner_stint_runs_into_a_2_month_extension(void **state)
{
    (void)state;
    expect_extended_compliant("extension-partner-runs-on");
}

/* RAD-27 (RULES.md: extension months are a year 4 with no course pattern): the 2 extension
 * months at keio after a year-3 partner; RAD-09 asks no partner there. */
static void test_RAD07_RAD27_extension_at_keio_complies(void **state)
{
    (void)state;
    expect_extended_compliant("extension-at-keio");
}

/* RAD-07 (as above): the extension is no unit, so a change inside it (tokyo-mc to month 37,
 * keio in month 38) is exempt. */
static void test_RAD07_RAD27_change_inside_the_extension_complies(void **state)
{
    (void)state;
    expect_extended_compliant("extension-split");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_RAD07_L568_same_partner_two_years_complies),
        cmocka_unit_test(test_RAD07_L535_whole_years_comply),
        cmocka_unit_test(test_RAD07_L535_stint_starting_mid_year_violates),
        cmocka_unit_test(test_RAD07_L535_each_broken_unit_reported),
        cmocka_unit_test(test_RAD07_L567_course_a_window_complies),
        cmocka_unit_test(test_RAD07_L567_window_at_start_of_year_complies),
        cmocka_unit_test(test_RAD07_L567_keio_inside_window_violates),
        cmocka_unit_test(test_RAD07_L567_five_month_stretch_violates),
        cmocka_unit_test(test_RAD07_L567_window_at_two_partners_violates),
        cmocka_unit_test(test_RAD07_L567_window_outside_course_a_violates),
        cmocka_unit_test(test_RAD07_L567_window_without_course_fits_a),
        cmocka_unit_test(test_RAD07_L781_abroad_inside_unit_complies),
        cmocka_unit_test(test_RAD07_L781_change_across_abroad_violates),
        cmocka_unit_test(test_RAD07_params_months_missing),
        cmocka_unit_test(test_RAD07_params_months_zero),
        cmocka_unit_test(test_RAD07_params_months_longer_than_programme),
        cmocka_unit_test(test_RAD07_params_months_not_a_number),
        cmocka_unit_test(test_RAD07_params_unknown_key_hint),
        cmocka_unit_test(test_RAD07_params_good),
        cmocka_unit_test(test_RAD07_RAD27_partner_stint_runs_into_a_2_month_extension),
        cmocka_unit_test(test_RAD07_RAD27_extension_at_keio_complies),
        cmocka_unit_test(test_RAD07_RAD27_change_inside_the_extension_complies),
    };
    return T_RUN(tests);
}
