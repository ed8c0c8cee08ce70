/*
 * test_residents_per_instructor.c: kind `residents-per-instructor` (RAD-12: "1名の指導医が指導
 * 可能な専攻医数は、総計3名以内です", 003 §2 L87): in every calendar month, at most
 * floor(3 x instructors) residents at a facility (table shares, D-8: keiyu 1.5 -> 4, hino 1.0 ->
 * 3; RULES.md C-4) and at most floor(3 x 54.3) = 162 in the programme, all cohorts together. A
 * resident on leave keeps a place (readings.capacity_counts_leave). Each run of months over a
 * limit is one finding naming the most residents found. Fixtures in
 * tests/rules/residents_per_instructor/ (residents of course B: keio, then the facility under test
 * in year 2, then tokyo-mc); the programme-wide cases are generated here.
 */
#include "kind_test.h"

#define DIR "tests/rules/residents_per_instructor/"

typedef kt_fixture fixture;

static fixture load(const char *plan, const char *residents)
{
    return kt_load(kt_model("RAD-12"), DIR, plan, residents);
}

static void unload(fixture *x)
{
    kt_unload(x);
}

/* Finding k of RAD-12: about no resident, at facility (or "-": the programme), over the calendar
 * months from..to (labels YYYY-MM; the finding holds slots). */
static void expect_finding(const fixture *x, const rp_findings *f, size_t k, const char *facility,
                           const char *from, const char *to, int limit, int worst)
{
    const rp_finding *v = kt_nth(x->m, f, "RAD-12", k);
    assert_int_equal(v->level, RP_LEVEL_VIOLATION);
    assert_int_equal(v->resident, RP_NONE);
    assert_string_equal(kt_facility(x->m, v), facility);
    char a[11], b[11];
    int ppy = x->m->calendar.periods_per_year;
    rp_period_label(x->m, v->first / ppy, v->first % ppy + 1, a);
    rp_period_label(x->m, v->last / ppy, v->last % ppy + 1, b);
    assert_string_equal(a, from);
    assert_string_equal(b, to);
    char *required = rp_xasprintf("at most %d residents", limit);
    char *found = rp_xasprintf("%d residents", worst);
    assert_string_equal(v->required, required);
    assert_string_equal(v->found, found);
    free(required);
    free(found);
}

/* RAD-12 L87, C-4 (keiyu: floor(3 x 1.5) = 4): four residents at keiyu at once */
static void test_RAD12_L87_four_at_keiyu_comply(void **state)
{
    (void)state;
    fixture x = load("keiyu-4", NULL);
    t_expect_compliant(x.m, x.c, x.p, "RAD-12");
    unload(&x);
}

/* RAD-12 L87, C-4: five residents at keiyu through 2020-04..2021-03 */
static void test_RAD12_L87_five_at_keiyu_violate(void **state)
{
    (void)state;
    fixture x = load("keiyu-5", NULL);
    t_expect_violation(x.m, x.c, x.p, "RAD-12", 1);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, x.c, x.p, &f);
    assert_int_equal(f.count, 1);
    expect_finding(&x, &f, 0, "keiyu", "2020-04", "2021-03", 4, 5);
    assert_int_equal(f.items[0].first, rp_slot(x.m, 2019, 13));
    assert_int_equal(f.items[0].last, rp_slot(x.m, 2019, 24));
    assert_string_equal(f.items[0].message, "keiyu holds up to 5 residents from 2020-04 to "
                                            "2021-03; its instructors supervise at most 4");
    rp_findings_free(&f);
    unload(&x);
}

/* RAD-12 L87: each run of months over the limit is one finding (2020-04..06, 2021-01..03) */
static void test_RAD12_L87_each_run_over_limit_reported(void **state)
{
    (void)state;
    fixture x = load("keiyu-two-runs", NULL);
    t_expect_violation(x.m, x.c, x.p, "RAD-12", 2);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, x.c, x.p, &f);
    expect_finding(&x, &f, 0, "keiyu", "2020-04", "2020-06", 4, 5);
    expect_finding(&x, &f, 1, "keiyu", "2021-01", "2021-03", 4, 5);
    rp_findings_free(&f);
    unload(&x);
}

/* RAD-12 L87: one run over the limit, with six residents at its worst (2020-07..09) */
static void test_RAD12_L87_finding_names_the_most_residents(void **state)
{
    (void)state;
    fixture x = load("keiyu-worst-6", NULL);
    t_expect_violation(x.m, x.c, x.p, "RAD-12", 1);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, x.c, x.p, &f);
    expect_finding(&x, &f, 0, "keiyu", "2020-04", "2021-03", 4, 6);
    rp_findings_free(&f);
    unload(&x);
}

/* RAD-12 L87 "総計3名以内", RULES.md "over all cohorts present in calendar month t": cohort 2019
 * in its year 2 and cohort 2020 in its year 1 share 2020-04..2021-03 at hino (limit 3) */
static void test_RAD12_L87_cohorts_overlapping_count_together(void **state)
{
    (void)state;
    fixture x = load("hino-two-cohorts", NULL);
    t_expect_violation(x.m, x.c, x.p, "RAD-12", 1);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, x.c, x.p, &f);
    assert_int_equal(f.count, 1);
    expect_finding(&x, &f, 0, "hino", "2020-04", "2021-03", 3, 4);
    rp_findings_free(&f);
    unload(&x);
}

/* RAD-12 L87: the same four at hino, each cohort in its own year 2: two at a time */
static void test_RAD12_L87_cohorts_apart_comply(void **state)
{
    (void)state;
    fixture x = load("hino-two-cohorts-apart", NULL);
    t_expect_compliant(x.m, x.c, x.p, "RAD-12");
    unload(&x);
}

/* RAD-12 L87, RULES.md "Counting leave-keeping residents is conservative": four at hino, one on
 * maternity leave all that year, still take four places */
static void test_RAD12_L87_resident_on_leave_keeps_a_place(void **state)
{
    (void)state;
    fixture x = load("hino-4", "hino-leave");
    t_expect_violation(x.m, x.c, x.p, "RAD-12", 1);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, x.c, x.p, &f);
    expect_finding(&x, &f, 0, "hino", "2020-04", "2021-03", 3, 4);
    rp_findings_free(&f);
    unload(&x);
}

/* RAD-12, RULES.md "A model option may exclude residents on leave": then three places */
static void test_RAD12_L87_option_leave_frees_the_place(void **state)
{
    (void)state;
    fixture x = load("hino-4", "hino-leave");
    x.m->readings.capacity_counts_leave = false;
    t_expect_compliant(x.m, x.c, x.p, "RAD-12");
    unload(&x);
}

/* RAD-12 L87 under a what-if (README, whatif: a facility's capacity "bounds the residents there
 * at once"): keiyu's four residents of 2020-04..2021-03 comply with floor(3 x 1.5) = 4, but a
 * capacity of 3 from 2020-06 to 2020-08 bounds the limit there. Both halves must take the smaller
 * figure (issue 14 item 3): the rows reject the plan and the check names those three months. */
static void test_RAD12_L87_whatif_capacity_bounds_the_limit(void **state)
{
    (void)state;
    fixture x = load("keiyu-4", NULL);
    int keiyu = rp_model_facility(x.m, "keiyu");
    rp_change cap = {RP_CHANGE_CAPACITY, keiyu, RP_NONE, {2020, 6, 1}, {2020, 8, 31}, 3};
    rp_model_add_change(x.m, &cap);
    t_expect_violation(x.m, x.c, x.p, "RAD-12", 1);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, x.c, x.p, &f);
    assert_int_equal(f.count, 1);
    expect_finding(&x, &f, 0, "keiyu", "2020-06", "2020-08", 3, 4);
    rp_findings_free(&f);
    unload(&x);
}

/* RAD-12 L87, D-8 lenient reading (named persons: keiyu 3 -> 9): five at keiyu comply */
static void test_RAD12_D8_named_instructors_reading(void **state)
{
    (void)state;
    fixture x = load("keiyu-5", NULL);
    x.m->readings.instructors_named = true;
    t_expect_compliant(x.m, x.c, x.p, "RAD-12");
    unload(&x);
}

/* RAD-12 L87, RULES.md "N(f,t) counts ... plus any part-time or parallel residents at f": three
 * in blocks at hino and a fourth there part time. The rows hold block assignments only (a
 * parallel row is no column of the ILP, and rp_encode passes it over): this is the check's. */
static void test_RAD12_L87_part_time_resident_counts(void **state)
{
    (void)state;
    fixture x = load("hino-parallel", NULL);
    assert_int_equal(t_violations(x.m, x.c, x.p, "RAD-12"), 1);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, x.c, x.p, &f);
    assert_int_equal(f.count, 1);
    expect_finding(&x, &f, 0, "hino", "2020-04", "2021-03", 3, 4);
    rp_findings_free(&f);
    unload(&x);
}

/* A plan of one cohort (2019) in which every facility holds exactly its C-4 limit all three years
 * (161 residents), plus `extra` more at keio. */
static rp_plan *programme_plan(const rp_model *m, int extra)
{
    rp_buf b = {0};
    int n = 0;
    for (size_t f = 0; f < m->n_facilities; f++) {
        int limit = (int)(3 * rp_facility_instructors(m, (int)f) + 1e-9);
        if (f == 0)
            limit += extra;
        for (int k = 0; k < limit; k++)
            rp_buf_printf(&b, "p%03d,2019,,%s,,block,1,36,,,\n", ++n, m->facilities[f].id);
    }
    assert_int_equal(n, 161 + extra);
    rp_plan *p = t_plan_csv(m, rp_buf_str(&b));
    rp_buf_free(&b);
    return p;
}

/* RAD-12 L87, C-4 "programme-wide ⌊3 × 54.3⌋ = 162": the facilities' limits add up to 161, so
 * 162 residents put one over keio's 33 but not over the programme's 162 */
static void test_RAD12_L87_programme_limit_162_holds(void **state)
{
    (void)state;
    rp_model *m = kt_model("RAD-12");
    assert_string_equal(m->facilities[0].id, "keio");
    rp_plan *p = programme_plan(m, 1);
    fixture x = {m, NULL, p};
    assert_int_equal(t_violations(m, NULL, p, "RAD-12"), 1);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(m, NULL, p, &f);
    assert_int_equal(f.count, 1);
    expect_finding(&x, &f, 0, "keio", "2019-04", "2022-03", 33, 34);
    rp_findings_free(&f);
    rp_plan_free(p);
    rp_model_free(m);
}

/* RAD-12 L87, C-4: 163 residents at once exceed the programme's 162 (and keio's 33) */
static void test_RAD12_L87_programme_limit_162_exceeded(void **state)
{
    (void)state;
    rp_model *m = kt_model("RAD-12");
    rp_plan *p = programme_plan(m, 2);
    fixture x = {m, NULL, p};
    t_expect_violation(m, NULL, p, "RAD-12", 2);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(m, NULL, p, &f);
    assert_int_equal(f.count, 2);
    expect_finding(&x, &f, 0, "-", "2019-04", "2022-03", 162, 163);
    expect_finding(&x, &f, 1, "keio", "2019-04", "2022-03", 33, 35);
    assert_string_equal(f.items[0].message, "the programme holds up to 163 residents from "
                                            "2019-04 to 2022-03; its instructors supervise at "
                                            "most 162");
    rp_findings_free(&f);
    rp_plan_free(p);
    rp_model_free(m);
}

/* ---- bad parameters (the tiny model of kind_test.h: params on line 12) ---- */

static void test_RAD12_params_absent(void **state)
{
    (void)state;
    kt_bad_params("residents-per-instructor", NULL,
                  "8:5: rule 'R-1' (kind 'residents-per-instructor') needs params with key "
                  "'per_instructor'\n");
}

static void test_RAD12_params_negative(void **state)
{
    (void)state;
    kt_bad_params("residents-per-instructor", " {per_instructor: -3}",
                  "12:30: per_instructor '-3' is out of range; expected a number from 0 to "
                  "1000\n");
}

static void test_RAD12_params_not_a_number(void **state)
{
    (void)state;
    kt_bad_params("residents-per-instructor", " {per_instructor: three}",
                  "12:30: per_instructor 'three' is not a number; expected a number from 0 to "
                  "1000\n");
}

static void test_RAD12_params_unknown_key_hint(void **state)
{
    (void)state;
    kt_bad_params("residents-per-instructor", " {per_instuctor: 3}",
                  "12:14: unknown key 'per_instuctor' in params of rule 'R-1'; did you mean "
                  "'per_instructor'?\n"
                  "12:13: missing key 'per_instructor' in params of rule 'R-1'\n");
}

static void test_RAD12_params_good(void **state)
{
    (void)state;
    kt_good_params("residents-per-instructor", " {per_instructor: 3}");
    kt_good_params("residents-per-instructor", " {per_instructor: 2.5}");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_RAD12_L87_four_at_keiyu_comply),
        cmocka_unit_test(test_RAD12_L87_five_at_keiyu_violate),
        cmocka_unit_test(test_RAD12_L87_each_run_over_limit_reported),
        cmocka_unit_test(test_RAD12_L87_finding_names_the_most_residents),
        cmocka_unit_test(test_RAD12_L87_cohorts_overlapping_count_together),
        cmocka_unit_test(test_RAD12_L87_cohorts_apart_comply),
        cmocka_unit_test(test_RAD12_L87_resident_on_leave_keeps_a_place),
        cmocka_unit_test(test_RAD12_L87_option_leave_frees_the_place),
        cmocka_unit_test(test_RAD12_L87_whatif_capacity_bounds_the_limit),
        cmocka_unit_test(test_RAD12_D8_named_instructors_reading),
        cmocka_unit_test(test_RAD12_L87_part_time_resident_counts),
        cmocka_unit_test(test_RAD12_L87_programme_limit_162_holds),
        cmocka_unit_test(test_RAD12_L87_programme_limit_162_exceeded),
        cmocka_unit_test(test_RAD12_params_absent),
        cmocka_unit_test(test_RAD12_params_negative),
        cmocka_unit_test(test_RAD12_params_not_a_number),
        cmocka_unit_test(test_RAD12_params_unknown_key_hint),
        cmocka_unit_test(test_RAD12_params_good),
    };
    return T_RUN(tests);
}
