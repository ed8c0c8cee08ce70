/*
 * test_one_place_per_period.c: kind `one-place-per-period` (RAD-06: one primary status per month,
 * contiguous stints from month 1; it follows from the programme structure of 003 §7-1 L535 and
 * §7-2 L560; INIT-05: one block every week of the initial residency's 104, with INIT-01, INIT-02
 * and INIT-04, 000 Q09 L22, Q66 L101). Fixtures in tests/rules/one_place_per_period/ (init-*.csv:
 * the initial residency's, variants of base.csv of init_test.h).
 *
 * The twin helpers fit only some of these plans: the ILP's space holds exactly one piece per
 * period, so a gap, or `none` where the resident holds a facility, cannot be encoded at all
 * (t_rows_accept returns -1, asserted below), and an overlap or a stint past the horizon cannot
 * be expressed in it (rp_encode lays the first stint of each period, within the horizon): those
 * are the check's alone.
 */
#include "init_test.h"
#include "rotaplan/report.h"

#include <unistd.h>

#define DIR "tests/rules/one_place_per_period/"

typedef kt_fixture fixture;

static fixture load(const char *plan, const char *residents)
{
    return kt_load(kt_model("RAD-06"), DIR, plan, residents);
}

static void unload(fixture *x)
{
    kt_unload(x);
}

/* Asserts finding k of RAD-06 in f. */
static void expect_finding(const fixture *x, const rp_findings *f, size_t k, int resident,
                           const char *facility, int first, int last, const char *required,
                           const char *found)
{
    const rp_finding *v = kt_nth(x->m, f, "RAD-06", k);
    assert_int_equal(v->level, RP_LEVEL_VIOLATION);
    assert_int_equal(v->resident, resident);
    assert_string_equal(kt_facility(x->m, v), facility);
    assert_int_equal(v->first, first);
    assert_int_equal(v->last, last);
    assert_string_equal(v->required, required);
    assert_string_equal(v->found, found);
}

#define NO_FACILITY "no facility although the resident is not on study abroad or non-clinical " \
                    "graduate school"

/* RAD-06 L535: keio, then tokyo-mc, every month covered once */
static void test_RAD06_L535_contiguous_plan_complies(void **state)
{
    (void)state;
    fixture x = load("compliant", NULL);
    t_expect_compliant(x.m, x.c, x.p, "RAD-06");
    unload(&x);
}

/* RAD-06 L535, RULES.md RAD-11: a parallel (part-time) row beside a block is not a second stint */
static void test_RAD06_L535_parallel_row_beside_block_complies(void **state)
{
    (void)state;
    fixture x = load("compliant-with-parallel", NULL);
    t_expect_compliant(x.m, x.c, x.p, "RAD-06");
    unload(&x);
}

/* RAD-06 L535 "各施設1年単位でのローテート" (one facility at a time; RULES.md: Σ_f z[r,m,f] = 1):
 * keio and tokyo-mc both hold month 24 */
static void test_RAD06_L535_overlap_violates(void **state)
{
    (void)state;
    fixture x = load("overlap", NULL);
    assert_int_equal(t_violations(x.m, x.c, x.p, "RAD-06"), 1);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, x.c, x.p, &f);
    assert_int_equal(f.count, 1);
    expect_finding(&x, &f, 0, 0, "-", 24, 24, "one stint a period", "two stints at once");
    assert_string_equal(f.items[0].message,
                        "resident r1: two stints at once in month 24 (2021-03)");
    rp_findings_free(&f);
    unload(&x);
}

/* RAD-06 L533 "研修期間は3年間以上です" (RULES.md: contiguous stints): month 13 is held by no
 * stint; the space cannot encode it */

static void test_RAD06_L533_gap_violates(void **state)
{
    (void)state;
    fixture x = load("gap", NULL);
    assert_int_equal(t_violations(x.m, x.c, x.p, "RAD-06"), 1);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, x.c, x.p, &f);
    expect_finding(&x, &f, 0, 0, "-", 13, 13, "one stint a period", "no stint");
    rp_findings_free(&f);
    assert_int_equal(t_rows_accept(x.m, x.c, x.p, true, NULL), -1);
    assert_int_equal(t_rows_accept(x.m, x.c, x.p, false, NULL), -1);
    unload(&x);
}

/* RAD-06 L533 "専門研修プログラムにより研修を開始した日をもって研修開始日とします" (RULES.md:
 * "The horizon starts at month 1"): a plan that starts in month 2 leaves month 1 empty */
static void test_RAD06_L533_plan_starting_late_violates(void **state)
{
    (void)state;
    fixture x = load("late-start", NULL);
    assert_int_equal(t_violations(x.m, x.c, x.p, "RAD-06"), 1);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, x.c, x.p, &f);
    expect_finding(&x, &f, 0, 0, "-", 1, 1, "one stint a period", "no stint");
    rp_findings_free(&f);
    assert_int_equal(t_rows_accept(x.m, x.c, x.p, true, NULL), -1);
    unload(&x);
}

/* RAD-06 L535: every breach is reported: the overlap in month 12 and the gap in months 21-22 */
static void test_RAD06_L535_overlap_and_gap_both_reported(void **state)
{
    (void)state;
    fixture x = load("overlap-and-gap", NULL);
    assert_int_equal(t_violations(x.m, x.c, x.p, "RAD-06"), 2);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, x.c, x.p, &f);
    expect_finding(&x, &f, 0, 0, "-", 12, 12, "one stint a period", "two stints at once");
    expect_finding(&x, &f, 1, 0, "-", 21, 22, "one stint a period", "no stint");
    assert_string_equal(f.items[1].message,
                        "resident r1: no stint in months 21-22 (2020-12 to 2021-01)");
    rp_findings_free(&f);
    assert_int_equal(t_rows_accept(x.m, x.c, x.p, true, NULL), -1);
    unload(&x);
}

/* RAD-06 L535: the finding names the resident whose plan has the gap (r2, the second) */
static void test_RAD06_L535_gap_of_second_resident(void **state)
{
    (void)state;
    fixture x = load("second-resident-gap", NULL);
    assert_int_equal(t_violations(x.m, x.c, x.p, "RAD-06"), 1);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, x.c, x.p, &f);
    expect_finding(&x, &f, 0, 1, "-", 13, 13, "one stint a period", "no stint");
    rp_findings_free(&f);
    unload(&x);
}

/* RAD-06 with RAD-28 "専攻医の専門研修が満了する第3年度の3月" (003 §9-2 L737: month 36): a
 * stint that runs to month 37. The plan reader takes periods up to a year past the horizon (a
 * programme may be extended, INIT-61) and the check judges the stint; a period beyond that is
 * refused at reading. */
static void test_RAD06_L737_stint_past_month_36_violates(void **state)
{
    (void)state;
    rp_model *m = kt_model("RAD-06");
    rp_diags d = RP_DIAGS_INIT;
    rp_plan *p = NULL;
    assert_int_equal(rp_plan_read(m, DIR "past-horizon.csv", &p, &d), 0);
    assert_int_equal(d.count, 0);
    fixture x = {m, NULL, p};
    assert_int_equal(t_violations(m, NULL, p, "RAD-06"), 1);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(m, NULL, p, &f);
    assert_int_equal(f.count, 1);
    expect_finding(&x, &f, 0, 0, "tokyo-mc", 25, 37, "months 1-36", "months 25-37");
    assert_string_equal(f.items[0].message,
                        "resident r1: a stint at tokyo-mc runs outside the programme's 36 months");
    rp_findings_free(&f);
    rp_plan_free(p);
    char *text = t_write_temp(".csv", RP_CSV_HEADER "\nr1,2019,A,keio,,block,1,49,,,\n");
    assert_int_equal(rp_plan_read(m, text, &p, &d), -1);
    char *got = t_diags_text(&d);
    assert_string_equal(got, "2:25: end_period '49' is out of range; expected a whole number "
                             "from 1 to 48\n");
    free(got);
    rp_diags_free(&d);
    unlink(text);
    free(text);
    rp_model_free(m);
}

/* RAD-06 with RAD-25 "留学期間、並びに診療業務のない大学院の期間は、研修期間にカウントできません"
 * (L781; RULES.md: "`none` is allowed only for ABROAD and GNC"): year 3 abroad, at none */
static void test_RAD06_L781_none_during_study_abroad_complies(void **state)
{
    (void)state;
    fixture x = load("none-year-3", "abroad");
    t_expect_compliant(x.m, x.c, x.p, "RAD-06");
    unload(&x);
}

/* RAD-06 L781 (RULES.md: "`none` is allowed only for ABROAD and GNC"): none in year 3 of a
 * resident without leave; the space has no `none` piece there */
static void test_RAD06_L781_none_without_study_abroad_violates(void **state)
{
    (void)state;
    fixture x = load("none-year-3", NULL);
    assert_int_equal(t_violations(x.m, x.c, x.p, "RAD-06"), 1);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, x.c, x.p, &f);
    assert_int_equal(f.count, 1);
    expect_finding(&x, &f, 0, 0, "-", 25, 36, "a facility", NO_FACILITY);
    rp_findings_free(&f);
    assert_int_equal(t_rows_accept(x.m, x.c, x.p, true, NULL), -1);
    assert_int_equal(t_rows_accept(x.m, x.c, x.p, false, NULL), -1);
    unload(&x);
}

/* RAD-06 L781 (RULES.md 0.4: "`none` stands for months with no facility: study abroad"): a
 * facility held during study abroad */
static void test_RAD06_L781_facility_during_study_abroad_violates(void **state)
{
    (void)state;
    fixture x = load("compliant", "abroad-course-a");
    assert_int_equal(t_violations(x.m, x.c, x.p, "RAD-06"), 1);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, x.c, x.p, &f);
    assert_int_equal(f.count, 1);
    expect_finding(&x, &f, 0, 0, "-", 25, 36, "no facility (none)",
                   "a facility during study abroad or non-clinical graduate school");
    rp_findings_free(&f);
    assert_int_equal(t_rows_accept(x.m, x.c, x.p, true, NULL), -1);
    unload(&x);
}

/* ---- INIT-05: the initial residency, in weeks ---- */

/* INIT-05, INIT-01, INIT-04, 000 Q66 (L101): "2年間で104週と2日（365日で計算）となるため、この余剰と
 * なる2日分の扱いについて教えてください。" "余剰となる分については共通カレンダーにて、研修最後の週に
 * 含めてください。 例）1年次4月1日～3月30日+1日、2年次4月1日～3月30日+1日" Weeks 1-104 with their
 * dates: week 52 ends on 2021-03-31 and week 104 on 2022-03-31, each holding the surplus day. */
static void test_INIT05_Q66_L101_surplus_day_in_the_last_week_complies(void **state)
{
    (void)state;
    it_fixture x = it_load(DIR, "INIT-05", "init-dated", NULL);
    t_expect_compliant(x.m, x.c, x.p, "INIT-05");
    char a[11], b[11], c[11];
    rp_date_format(rp_period_first_day(x.m, 2020, 52), a);
    rp_date_format(rp_period_last_day(x.m, 2020, 52), b);
    rp_date_format(rp_period_last_day(x.m, 2020, 104), c);
    assert_string_equal(a, "2021-03-24");
    assert_string_equal(b, "2021-03-31");
    assert_string_equal(c, "2022-03-31");
    it_unload(&x);
}

/* INIT-04, 000 Q66 (L101) (as above, "2年次4月1日～3月30日+1日"): a plan whose week 104 ends on
 * March 30 leaves the surplus day out; the plan reader refuses it. */
static void test_INIT05_Q66_L101_last_week_without_the_surplus_day_is_refused(void **state)
{
    (void)state;
    rp_model *m = it_model("INIT-05");
    rp_diags d = RP_DIAGS_INIT;
    rp_plan *p = NULL;
    assert_int_equal(rp_plan_read(m, DIR "init-week-104-ends-march-30.csv", &p, &d), -1);
    char *got = t_diags_text(&d);
    assert_string_equal(got, "12:45: end_date '2022-03-30' does not match end_period 104, which "
                             "ends on 2022-03-31, and is not the last day of a week; expected "
                             "the last day of a week\n");
    free(got);
    rp_diags_free(&d);
    rp_model_free(m);
}

/* INIT-05, INIT-02, 000 Q09 (L22): "1ヶ月を4週としてプログラムを作成してもよいのか。" "プログラムは、
 * 週単位で作成していただく必要があります。" A programme of 24 "months" of 4 weeks ends at week 96:
 * weeks 97-104 hold no block; the space cannot encode the gap. */
static void test_INIT05_Q09_L22_months_of_four_weeks_leave_eight_weeks_uncovered(void **state)
{
    (void)state;
    it_fixture x = it_load(DIR, "INIT-05", "init-24-months-of-4-weeks", NULL);
    it_expect_outside(&x, "INIT-05", 1);
    it_expect_finding(&x, "INIT-05", 0, RP_LEVEL_VIOLATION, 0, "-", 97, 104,
                      "one stint a period", "no stint");
    it_unload(&x);
}

/* INIT-05, INIT-01, 000 Q66 (L101) (as above, "2年間で104週と2日"): without leave beyond the
 * allowance (INIT-61) the programme ends at week 104; a block to week 106 runs past it. */
static void test_INIT05_Q66_L101_block_past_week_104_violates(void **state)
{
    (void)state;
    it_fixture x = it_load(DIR, "INIT-05", "init-to-week-106", NULL);
    assert_int_equal(t_violations(x.m, x.c, x.p, "INIT-05"), 1);
    it_expect_finding(&x, "INIT-05", 0, RP_LEVEL_VIOLATION, 0, "city", 77, 106, "weeks 1-104",
                      "weeks 77-106");
    char *msg = it_message(&x, "INIT-05", 0);
    assert_string_equal(msg, "resident r1: a stint at city runs outside the programme's 104 weeks");
    free(msg);
    it_unload(&x);
}

/* ---- parameters: the kind takes none (the tiny model of kind_test.h: params on line 12) ---- */

static void test_RAD06_params_unknown_key(void **state)
{
    (void)state;
    kt_bad_params("one-place-per-period", " {strict: true}",
                  "12:14: unknown key 'strict' in params of rule 'R-1'\n");
}

static void test_RAD06_params_not_a_mapping(void **state)
{
    (void)state;
    kt_bad_params("one-place-per-period", " [strict]",
                  "12:13: params of rule 'R-1' is a list; expected a mapping\n");
}

static void test_RAD06_params_good(void **state)
{
    (void)state;
    kt_good_params("one-place-per-period", " {}");
    kt_good_params("one-place-per-period", NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_RAD06_L535_contiguous_plan_complies),
        cmocka_unit_test(test_RAD06_L535_parallel_row_beside_block_complies),
        cmocka_unit_test(test_RAD06_L535_overlap_violates),
        cmocka_unit_test(test_RAD06_L533_gap_violates),
        cmocka_unit_test(test_RAD06_L533_plan_starting_late_violates),
        cmocka_unit_test(test_RAD06_L535_overlap_and_gap_both_reported),
        cmocka_unit_test(test_RAD06_L535_gap_of_second_resident),
        cmocka_unit_test(test_RAD06_L737_stint_past_month_36_violates),
        cmocka_unit_test(test_RAD06_L781_none_during_study_abroad_complies),
        cmocka_unit_test(test_RAD06_L781_none_without_study_abroad_violates),
        cmocka_unit_test(test_RAD06_L781_facility_during_study_abroad_violates),
        cmocka_unit_test(test_INIT05_Q66_L101_surplus_day_in_the_last_week_complies),
        cmocka_unit_test(test_INIT05_Q66_L101_last_week_without_the_surplus_day_is_refused),
        cmocka_unit_test(test_INIT05_Q09_L22_months_of_four_weeks_leave_eight_weeks_uncovered),
        cmocka_unit_test(test_INIT05_Q66_L101_block_past_week_104_violates),
        cmocka_unit_test(test_RAD06_params_unknown_key),
        cmocka_unit_test(test_RAD06_params_not_a_mapping),
        cmocka_unit_test(test_RAD06_params_good),
    };
    return T_RUN(tests);
}
