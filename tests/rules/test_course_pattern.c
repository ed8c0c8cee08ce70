/*
 * test_course_pattern.c: kind `course-pattern` (RAD-09: the courses' year patterns, 003 §7-2
 * table L560-L565: A base, base (4-month partner window, L567), partner; B base, partner,
 * partner; C partner, base, partner; D base, base, partner; E base, partner, base; D and E with
 * clinical graduate school, L571). A resident whose course is fixed in the residents file
 * follows it; a plan naming no course follows the first course its blocks fit. Fixtures in
 * tests/rules/course_pattern/: one resident r1 of cohort 2019.
 */
#include "kind_test.h"

#define DIR "tests/rules/course_pattern/"

typedef kt_fixture fixture;

static fixture load(const char *plan, const char *residents)
{
    return kt_load(kt_model("RAD-09"), DIR, plan, residents);
}

static void unload(fixture *x)
{
    kt_unload(x);
}

static void expect_compliant(const char *plan, const char *residents)
{
    fixture x = load(plan, residents);
    t_expect_compliant(x.m, x.c, x.p, "RAD-09");
    unload(&x);
}

/* Finding k of RAD-09 in f, of resident r1. */
static void expect_finding(const fixture *x, const rp_findings *f, size_t k, const char *facility,
                           int first, int last, const char *required, const char *found)
{
    const rp_finding *v = kt_nth(x->m, f, "RAD-09", k);
    assert_int_equal(v->level, RP_LEVEL_VIOLATION);
    assert_int_equal(v->resident, 0);
    assert_string_equal(kt_facility(x->m, v), facility);
    assert_int_equal(v->first, first);
    assert_int_equal(v->last, last);
    assert_string_equal(v->required, required);
    assert_string_equal(v->found, found);
}

/* RAD-09 "A 専門研修基幹施設 専門研修基幹施設 専門研修連携施設" (L561): keio, keio, tokyo-mc */
static void test_RAD09_L561_course_a_complies(void **state)
{
    (void)state;
    expect_compliant("course-a", NULL);
}

/* RAD-09 L567 "2 年目に 4 ヶ月連携施設で研修する場合があります": course A with its window */
static void test_RAD09_L567_course_a_with_window_complies(void **state)
{
    (void)state;
    expect_compliant("course-a-window", NULL);
}

/* RAD-09 "B 専門研修基幹施設 専門研修連携施設 専門研修連携施設" (L562): keio, tokyo-mc,
 * kawasaki */
static void test_RAD09_L562_course_b_complies(void **state)
{
    (void)state;
    expect_compliant("course-b", NULL);
}

/* RAD-09 "C 専門研修連携施設 専門研修基幹施設 専門研修連携施設" (L563; D-18, the table is
 * followed): tokyo-mc, keio, tokyo-mc */
static void test_RAD09_L563_course_c_complies(void **state)
{
    (void)state;
    expect_compliant("course-c", NULL);
}

/* RAD-09 "D 専門研修基幹施設 専門研修基幹施設 専門研修連携施設 (大学院・臨床)" (L564; D-7, the
 * table is followed): keio, keio, st-lukes */
static void test_RAD09_L564_course_d_complies(void **state)
{
    (void)state;
    expect_compliant("course-d", NULL);
}

/* RAD-09 "E 専門研修基幹施設 専門研修連携施設 専門研修基幹施設 (大学院・臨床)" (L565): keio,
 * kawasaki, keio */
static void test_RAD09_L565_course_e_complies(void **state)
{
    (void)state;
    expect_compliant("course-e", NULL);
}

/* RAD-09 L561 (course A's year 3: "専門研修連携施設"): this plan stays at keio */
static void test_RAD09_L561_course_a_year_3_at_keio_violates(void **state)
{
    (void)state;
    fixture x = load("a-year-3-at-keio", NULL);
    t_expect_violation(x.m, x.c, x.p, "RAD-09", 1);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, x.c, x.p, &f);
    assert_int_equal(f.count, 1);
    expect_finding(&x, &f, 0, "keio", 25, 36, "partner facility in year 3", "keio (base)");
    assert_string_equal(f.items[0].message,
                        "resident r1 follows course A, which spends year 3 at the partners, but is "
                        "at keio (base) in months 25-36 (2021-04 to 2022-03)");
    rp_findings_free(&f);
    unload(&x);
}

/* RAD-09 L562 (course B's years 2 and 3: "専門研修連携施設"): at keio throughout, each year
 * reported */
static void test_RAD09_L562_course_b_at_keio_violates_each_year(void **state)
{
    (void)state;
    fixture x = load("b-all-keio", NULL);
    t_expect_violation(x.m, x.c, x.p, "RAD-09", 2);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, x.c, x.p, &f);
    expect_finding(&x, &f, 0, "keio", 13, 24, "partner facility in year 2", "keio (base)");
    expect_finding(&x, &f, 1, "keio", 25, 36, "partner facility in year 3", "keio (base)");
    rp_findings_free(&f);
    unload(&x);
}

/* RAD-09 L563 (course C's year 1: "専門研修連携施設"): this plan starts at keio */
static void test_RAD09_L563_course_c_year_1_at_keio_violates(void **state)
{
    (void)state;
    fixture x = load("c-year-1-at-keio", NULL);
    t_expect_violation(x.m, x.c, x.p, "RAD-09", 1);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, x.c, x.p, &f);
    expect_finding(&x, &f, 0, "keio", 1, 12, "partner facility in year 1", "keio (base)");
    rp_findings_free(&f);
    unload(&x);
}

/* RAD-09 L567, RULES.md RAD-08 "Year-2 partner months beyond one 4-month window violate RAD-09":
 * course A at tokyo-mc for 5 months of year 2 */
static void test_RAD09_L567_course_a_five_partner_months_violate(void **state)
{
    (void)state;
    fixture x = load("a-window-5", NULL);
    t_expect_violation(x.m, x.c, x.p, "RAD-09", 1);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, x.c, x.p, &f);
    expect_finding(&x, &f, 0, "tokyo-mc", 17, 21, "base facility in year 2",
                   "tokyo-mc (partner)");
    rp_findings_free(&f);
    unload(&x);
}

/* RAD-09 L563 (RULES.md: "When κ_r = any, the planner picks a course"): a plan naming no
 * course whose blocks fit course C (tokyo-mc, keio, kawasaki) complies */
static void test_RAD09_L563_no_course_fitting_c_complies(void **state)
{
    (void)state;
    expect_compliant("no-course-fits-c", NULL);
    expect_compliant("no-course-fits-c", "any");
}

/* RAD-09 "コース 専攻医 1 年目 専攻医 2 年目 専攻医 3 年目" (L560-L565: every course has keio in
 * some year): a plan naming no course whose blocks fit none (a partner throughout) */
static void test_RAD09_L560_no_course_fitting_none_violates(void **state)
{
    (void)state;
    fixture x = load("no-course-fits-none", NULL);
    t_expect_violation(x.m, x.c, x.p, "RAD-09", 1);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, x.c, x.p, &f);
    assert_int_equal(f.count, 1);
    expect_finding(&x, &f, 0, "-", 1, 36, "a course's pattern", "none fits");
    assert_string_equal(f.items[0].message, "the stints of resident r1 fit no course's year "
                                            "pattern, and the plan names no course");
    rp_findings_free(&f);
    unload(&x);
}

/* RAD-09 with RAD-10 "大学院入学は3年目を原則としますが" (L571; D and E are the graduate-school
 * courses): a resident of course any who asks for graduate school in year 3 may follow E
 * (keio, kawasaki, keio) */
static void test_RAD09_L571_graduate_resident_fitting_e_complies(void **state)
{
    (void)state;
    expect_compliant("no-course-fits-e", "any-graduate");
}

/*
 * RAD-09 with RAD-10 L571: the residents file gives course any and no graduate school, so the
 * planner may give r1 only A, B or C (src/rules/course.c, rp_resident_may_follow), none of which
 * fits keio, kawasaki, keio. The rows reject the plan; the check must too. (Fails while the
 * check's rp_planned_course lets such a plan follow course E: see the report.)
 */
static void test_RAD09_L571_non_graduate_resident_fitting_only_e_violates(void **state)
{
    (void)state;
    fixture x = load("no-course-fits-e", "any");
    assert_int_equal(t_rows_accept(x.m, x.c, x.p, true, NULL), 0);
    t_expect_violation(x.m, x.c, x.p, "RAD-09", 1);
    unload(&x);
}

/* RAD-09 L560-L565 (RULES.md: "hard when a course is assigned"): the residents file gives
 * course B, the plan says A (and follows A's pattern, which is not B's) */
static void test_RAD09_L560_plan_course_differs_from_residents_file(void **state)
{
    (void)state;
    fixture x = load("course-a", "course-b");
    t_expect_violation(x.m, x.c, x.p, "RAD-09", 1);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, x.c, x.p, &f);
    assert_int_equal(f.count, 1);
    expect_finding(&x, &f, 0, "-", 0, 0, "B", "A");
    assert_string_equal(f.items[0].message, "resident r1 follows course A in the plan, but the "
                                            "residents file gives course B");
    rp_findings_free(&f);
    unload(&x);
}

/* RAD-09 L561, L564: the residents file gives course D, the plan says A; the blocks fit both
 * (base, base, partner). The check reports the course; the rows see only the blocks of a
 * resident whose course is fixed (rp_encode sets no course column), so this is the check's
 * alone. */
static void test_RAD09_L560_plan_course_label_differs_same_pattern(void **state)
{
    (void)state;
    fixture x = load("labelled-a-keio-keio-partner", "course-d");
    assert_int_equal(t_violations(x.m, x.c, x.p, "RAD-09"), 1);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, x.c, x.p, &f);
    expect_finding(&x, &f, 0, "-", 0, 0, "D", "A");
    rp_findings_free(&f);
    unload(&x);
}

/* ---- parameters: the kind takes none; its patterns are the courses' `years` ---- */

static void test_RAD09_params_unknown_key(void **state)
{
    (void)state;
    kt_bad_params("course-pattern", " {courses: [A]}",
                  "12:14: unknown key 'courses' in params of rule 'R-1'\n");
}

static void test_RAD09_params_good(void **state)
{
    (void)state;
    kt_good_params("course-pattern", NULL);
    kt_good_params("course-pattern", " {}");
}

/* A model whose one course A has the given years (line 7). */
static void expect_years_error(const char *years, const char *expected)
{
    char *yaml = rp_xasprintf("programme: {id: tiny-rules, name: tiny}\n"
                              "calendar: {unit: month, start_month: 4, years: 3}\n"
                              "facilities:\n"
                              "  - {id: keio, name: base, role: base}\n"
                              "  - {id: tokyo-mc, name: partner, role: partner}\n"
                              "courses:\n"
                              "  - {id: A, years: %s}\n"
                              "rules:\n"
                              "  - {id: R-1, kind: course-pattern, class: programme, source: t}\n",
                              years);
    char *got = kt_model_errors(yaml);
    assert_string_equal(got, expected);
    free(got);
    free(yaml);
}

static void test_RAD09_course_years_too_few(void **state)
{
    (void)state;
    expect_years_error("[base, base]", "7:20: years of course 'A' has 2 years; expected 3, one "
                                       "for each programme year\n");
}

static void test_RAD09_course_year_role_unknown(void **state)
{
    (void)state;
    expect_years_error("[base, related, partner]",
                       "7:27: unknown year role 'related'; expected one of base, partner\n");
}

static void test_RAD09_course_year_role_hint(void **state)
{
    (void)state;
    expect_years_error("[base, base, partnr]",
                       "7:33: unknown year role 'partnr'; did you mean 'partner'?\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_RAD09_L561_course_a_complies),
        cmocka_unit_test(test_RAD09_L567_course_a_with_window_complies),
        cmocka_unit_test(test_RAD09_L562_course_b_complies),
        cmocka_unit_test(test_RAD09_L563_course_c_complies),
        cmocka_unit_test(test_RAD09_L564_course_d_complies),
        cmocka_unit_test(test_RAD09_L565_course_e_complies),
        cmocka_unit_test(test_RAD09_L561_course_a_year_3_at_keio_violates),
        cmocka_unit_test(test_RAD09_L562_course_b_at_keio_violates_each_year),
        cmocka_unit_test(test_RAD09_L563_course_c_year_1_at_keio_violates),
        cmocka_unit_test(test_RAD09_L567_course_a_five_partner_months_violate),
        cmocka_unit_test(test_RAD09_L563_no_course_fitting_c_complies),
        cmocka_unit_test(test_RAD09_L560_no_course_fitting_none_violates),
        cmocka_unit_test(test_RAD09_L571_graduate_resident_fitting_e_complies),
        cmocka_unit_test(test_RAD09_L571_non_graduate_resident_fitting_only_e_violates),
        cmocka_unit_test(test_RAD09_L560_plan_course_differs_from_residents_file),
        cmocka_unit_test(test_RAD09_L560_plan_course_label_differs_same_pattern),
        cmocka_unit_test(test_RAD09_params_unknown_key),
        cmocka_unit_test(test_RAD09_params_good),
        cmocka_unit_test(test_RAD09_course_years_too_few),
        cmocka_unit_test(test_RAD09_course_year_role_unknown),
        cmocka_unit_test(test_RAD09_course_year_role_hint),
    };
    return T_RUN(tests);
}
