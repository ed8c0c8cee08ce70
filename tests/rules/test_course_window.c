/*
 * test_course_window.c: kind `course-window` (RAD-08: "コース A：…2 年目に 4 ヶ月連携施設で
 * 研修する場合があります", 003 §7-2 L567): in year 2 (months 13-24) a course-A resident spends
 * either no month at a partner, or one run of exactly 4 months at a single partner. More partner
 * months than 4 break the course pattern (RAD-09), not RAD-08 (RULES.md RAD-08). Fixtures in
 * tests/rules/course_window/: one resident r1 of cohort 2019.
 */
#include "kind_test.h"

#define DIR "tests/rules/course_window/"

typedef struct fixture {
    rp_model *m;
    rp_plan *p;
} fixture;

/* RAD-08 alone (with RAD-06), or with RAD-09 too. */
static fixture load(const char *plan, bool with_pattern)
{
    fixture x;
    x.m = kt_model("RAD-08");
    for (size_t i = 0; with_pattern && i < x.m->n_rules; i++)
        if (strcmp(x.m->rules[i].id, "RAD-09") == 0)
            x.m->rules[i].enabled = true;
    char *path = rp_xasprintf(DIR "%s.csv", plan);
    x.p = t_plan_file(x.m, path);
    free(path);
    return x;
}

static void unload(fixture *x)
{
    rp_plan_free(x->p);
    rp_model_free(x->m);
}

static void expect_compliant(const char *plan)
{
    fixture x = load(plan, false);
    t_expect_compliant(x.m, NULL, x.p, "RAD-08");
    unload(&x);
}

/* One RAD-08 violation (twin), with its facility, periods and found string. */
static void expect_window(const char *plan, const char *facility, int first, int last,
                          const char *found)
{
    fixture x = load(plan, false);
    t_expect_violation(x.m, NULL, x.p, "RAD-08", 1);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, NULL, x.p, &f);
    assert_int_equal(f.count, 1);
    const rp_finding *v = kt_nth(x.m, &f, "RAD-08", 0);
    assert_int_equal(v->level, RP_LEVEL_VIOLATION);
    assert_int_equal(v->resident, 0);
    assert_string_equal(kt_facility(x.m, v), facility);
    assert_int_equal(v->first, first);
    assert_int_equal(v->last, last);
    assert_string_equal(v->required, "one run of exactly 4 months at one partner");
    assert_string_equal(v->found, found);
    rp_findings_free(&f);
    unload(&x);
}

/* RAD-08 L567: keio 13-16, tokyo-mc 17-20, keio 21-24 */
static void test_RAD08_L567_four_month_window_complies(void **state)
{
    (void)state;
    expect_compliant("window-4");
}

/* RAD-08 L567 "場合があります": the window is optional */
static void test_RAD08_L567_no_window_complies(void **state)
{
    (void)state;
    expect_compliant("no-window");
}

/* RAD-08 L567: course B has no window; its partner year 2 is not RAD-08's concern */
static void test_RAD08_L567_course_without_window_not_concerned(void **state)
{
    (void)state;
    expect_compliant("course-b");
}

/* RAD-08 L567 "4 ヶ月": a 3-month window (tokyo-mc 17-19) */
static void test_RAD08_L567_three_month_window_violates(void **state)
{
    (void)state;
    expect_window("window-3", "tokyo-mc", 17, 19, "3 months in 1 run");
    fixture x = load("window-3", false);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, NULL, x.p, &f);
    assert_string_equal(f.items[0].message,
                        "the partner window of resident r1 in year 2 (months 17-19 (2020-08 to "
                        "2020-10)) is 3 months in 1 run; course A's window is exactly 4 months "
                        "at one partner");
    rp_findings_free(&f);
    unload(&x);
}

/* RAD-08 L567 "連携施設で": one partner: tokyo-mc 17-18 then kawasaki 19-20 */
static void test_RAD08_L567_window_at_two_partners_violates(void **state)
{
    (void)state;
    expect_window("window-two-partners", "-", 17, 20, "4 months in 2 runs");
}

/* RAD-08 L567, RULES.md "one contiguous 4-month partner stint": tokyo-mc 15-16 and 19-20 */
static void test_RAD08_L567_window_in_two_runs_violates(void **state)
{
    (void)state;
    expect_window("window-two-runs", "tokyo-mc", 15, 20, "4 months in 2 runs");
}

/*
 * RAD-08 L567, RULES.md RAD-08 "Year-2 partner months beyond one 4-month window violate RAD-09,
 * not RAD-08": tokyo-mc 17-21 (5 months). The check reports RAD-09 and not RAD-08; so the rows
 * must accept the plan once RAD-09's rows are left out. (Fails while RAD-08's rows forbid more
 * than 4 partner months in year 2: see the report.)
 */
static void test_RAD08_L567_five_month_window_is_rad09s(void **state)
{
    (void)state;
    fixture x = load("window-5", true);
    assert_int_equal(t_violations(x.m, NULL, x.p, "RAD-08"), 0);
    assert_int_equal(t_violations(x.m, NULL, x.p, "RAD-09"), 1);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, NULL, x.p, &f);
    assert_int_equal(f.count, 1);
    const rp_finding *v = kt_nth(x.m, &f, "RAD-09", 0);
    assert_string_equal(kt_facility(x.m, v), "tokyo-mc");
    assert_int_equal(v->first, 17);
    assert_int_equal(v->last, 21);
    rp_findings_free(&f);
    assert_int_equal(t_rows_accept(x.m, NULL, x.p, true, NULL), 0);
    assert_int_equal(t_rows_accept(x.m, NULL, x.p, true, "RAD-09"), 1);
    unload(&x);
}

/* RAD-08 L567 with RAD-09 (course patterns, L560-L565): a plan naming no course whose blocks fit
 * only course A (keio, keio, partner) is held to A's window: 3 months break RAD-08 alone */
static void test_RAD08_L567_plan_without_course_takes_a_window(void **state)
{
    (void)state;
    fixture x = load("window-3-no-course", true);
    assert_int_equal(t_violations(x.m, NULL, x.p, "RAD-08"), 1);
    assert_int_equal(t_violations(x.m, NULL, x.p, "RAD-09"), 0);
    assert_int_equal(t_rows_accept(x.m, NULL, x.p, true, NULL), 0);
    assert_int_equal(t_rows_accept(x.m, NULL, x.p, true, "RAD-08"), 1);
    assert_int_not_equal(t_rows_accept(x.m, NULL, x.p, false, NULL), 1);
    unload(&x);
}

/* ---- parameters: the kind takes none; its window is the course's partner_window ---- */

static void test_RAD08_params_unknown_key(void **state)
{
    (void)state;
    kt_bad_params("course-window", " {year: 2}",
                  "12:14: unknown key 'year' in params of rule 'R-1'\n");
}

static void test_RAD08_params_good(void **state)
{
    (void)state;
    kt_good_params("course-window", NULL);
}

/* A model with one course A whose partner_window is `window` (line 7). */
static char *window_model(const char *window)
{
    return rp_xasprintf("programme: {id: tiny-rules, name: tiny}\n"
                        "calendar: {unit: month, start_month: 4, years: 3}\n"
                        "facilities:\n"
                        "  - {id: keio, name: base, role: base}\n"
                        "  - {id: tokyo-mc, name: partner, role: partner}\n"
                        "courses:\n"
                        "  - {id: A, years: [base, base, partner], partner_window: %s}\n"
                        "rules:\n"
                        "  - {id: R-1, kind: course-window, class: programme, source: test}\n",
                        window);
}

static void expect_window_error(const char *window, const char *expected)
{
    char *yaml = window_model(window);
    char *got = kt_model_errors(yaml);
    assert_string_equal(got, expected);
    free(got);
    free(yaml);
}

static void test_RAD08_window_year_past_programme(void **state)
{
    (void)state;
    expect_window_error("{year: 4, months: 4}",
                        "7:66: year '4' is out of range; expected a whole number from 1 to 3\n");
}

static void test_RAD08_window_longer_than_a_year(void **state)
{
    (void)state;
    expect_window_error("{year: 2, months: 13}",
                        "7:77: months '13' is out of range; expected a whole number from 1 to "
                        "12\n");
}

static void test_RAD08_window_months_missing(void **state)
{
    (void)state;
    expect_window_error("{year: 2}",
                        "7:59: missing key 'months' in partner_window of course 'A'\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_RAD08_L567_four_month_window_complies),
        cmocka_unit_test(test_RAD08_L567_no_window_complies),
        cmocka_unit_test(test_RAD08_L567_course_without_window_not_concerned),
        cmocka_unit_test(test_RAD08_L567_three_month_window_violates),
        cmocka_unit_test(test_RAD08_L567_window_at_two_partners_violates),
        cmocka_unit_test(test_RAD08_L567_window_in_two_runs_violates),
        cmocka_unit_test(test_RAD08_L567_five_month_window_is_rad09s),
        cmocka_unit_test(test_RAD08_L567_plan_without_course_takes_a_window),
        cmocka_unit_test(test_RAD08_params_unknown_key),
        cmocka_unit_test(test_RAD08_params_good),
        cmocka_unit_test(test_RAD08_window_year_past_programme),
        cmocka_unit_test(test_RAD08_window_longer_than_a_year),
        cmocka_unit_test(test_RAD08_window_months_missing),
    };
    return T_RUN(tests);
}
