/*
 * test_graduate.c: graduate school in courses D and E (RULES.md RAD-10; seed 003 §7-2 L569-L571,
 * §10(4)(5) L780-L781): the entry year (the residents file's graduate_entry_year, else the
 * course's entry_year, 3 by default) and the status it gives from then to the programme's end:
 * clinical graduate school counts as training (GC), non-clinical counts nothing and holds no
 * facility (GNC), so the programme is extended by the months it leaves missing.
 */
#include "support.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rotaplan/calendar.h"
#include "rotaplan/check.h"
#include "util/util.h"

#define MODEL "models/radiology-keio-2019.yaml"

/* r1 of cohort 2019 with the given extra keys (each line indented by four spaces). */
static rp_cohort *one(const rp_model *m, const char *extra)
{
    char *yaml = rp_xasprintf("residents:\n  - id: r1\n    cohort: 2019\n%s", extra);
    char *path = t_write_temp(".yaml", yaml);
    rp_cohort *c = t_load_cohort(m, path);
    unlink(path);
    free(path);
    free(yaml);
    return c;
}

static char *errors_of(const rp_model *m, const char *extra)
{
    char *yaml = rp_xasprintf("residents:\n  - id: r1\n    cohort: 2019\n%s", extra);
    char *path = t_write_temp(".yaml", yaml);
    rp_diags d = RP_DIAGS_INIT;
    rp_cohort *c = NULL;
    assert_int_equal(rp_cohort_load(m, path, &c, &d), -1);
    assert_null(c);
    char *text = t_diags_text(&d);
    rp_diags_free(&d);
    unlink(path);
    free(path);
    free(yaml);
    return text;
}

/* Periods first..last of r's timeline all have status s. */
static void expect_status(const rp_timeline *t, int first, int last, rp_status s)
{
    for (int p = first; p <= last; p++)
        if (t->status[p] != s)
            fail_msg("period %d has status %s, expected %s", p, rp_status_name(t->status[p]),
                     rp_status_name(s));
}

/* Whether check's findings on the plan hold one of rule id whose message contains text. */
static bool finding_says(const rp_model *m, const rp_cohort *c, const rp_plan *p, const char *id,
                         const char *text)
{
    rp_findings f = RP_FINDINGS_INIT;
    rp_diags d = RP_DIAGS_INIT;
    assert_int_equal(rp_check_plan(m, c, p, &f, &d), 0);
    bool found = false;
    for (size_t i = 0; i < f.count; i++)
        found |= strcmp(m->rules[f.items[i].rule].id, id) == 0 &&
                 strstr(f.items[i].message, text) != NULL;
    rp_findings_free(&f);
    rp_diags_free(&d);
    return found;
}

/* L571 "大学院入学は3年目を原則": course D without an entry year enters in year 3: months 1-24
 * full time, 25-36 clinical graduate school, all 36 counted (§10(4): 研修期間としてカウント). */
static void test_RAD10_L571_course_default_year_3(void **state)
{
    (void)state;
    rp_model *m = t_load_model(MODEL);
    rp_cohort *c = one(m, "    course: D\n");
    const rp_resident *r = &c->residents[0];
    assert_int_equal(rp_graduate_entry(m, r), 3);
    assert_int_equal(rp_horizon(m, r), 36);
    rp_timeline t;
    rp_timeline_build(m, r, &t);
    expect_status(&t, 1, 24, RP_STATUS_FT);
    expect_status(&t, 25, 36, RP_STATUS_GC);
    assert_true(rp_timeline_presence(m, &t, 30));
    assert_true(rp_counted_months(m, r, &t) == 36);
    assert_int_equal(rp_resident_status(m, r, 25), RP_STATUS_GC);
    rp_timeline_free(&t);
    rp_cohort_free(c);
    rp_model_free(m);
}

/* L571 "希望により1年目あるいは2年目での入学も可能": course any with graduate_entry_year 1 is
 * in clinical graduate school from month 1; course any without it and course A are in none. */
static void test_RAD10_L571_entry_on_request(void **state)
{
    (void)state;
    rp_model *m = t_load_model(MODEL);
    rp_cohort *c = one(m, "    graduate_entry_year: 1\n");
    assert_int_equal(rp_graduate_entry(m, &c->residents[0]), 1);
    rp_timeline t;
    rp_timeline_build(m, &c->residents[0], &t);
    expect_status(&t, 1, 36, RP_STATUS_GC);
    rp_timeline_free(&t);
    rp_cohort_free(c);
    c = one(m, "    course: A\n");
    assert_int_equal(rp_graduate_entry(m, &c->residents[0]), 0);
    rp_cohort_free(c);
    c = one(m, "");
    assert_int_equal(rp_graduate_entry(m, &c->residents[0]), 0);
    rp_timeline_build(m, &c->residents[0], &t);
    expect_status(&t, 1, 36, RP_STATUS_FT);
    rp_timeline_free(&t);
    rp_cohort_free(c);
    rp_model_free(m);
}

/* L781 "診療業務のない大学院の期間は、研修期間にカウントできません": non-clinical graduate school
 * from year 3 (course E) holds no facility in months 25-36 and counts none of them; the
 * programme is extended by 12 months of full-time training (RAD-27). */
static void test_RAD10_L781_nonclinical_counts_nothing(void **state)
{
    (void)state;
    rp_model *m = t_load_model(MODEL);
    rp_cohort *c = one(m, "    course: E\n    graduate_school: nonclinical\n");
    const rp_resident *r = &c->residents[0];
    assert_int_equal(rp_horizon(m, r), 48);
    rp_timeline t;
    rp_timeline_build(m, r, &t);
    expect_status(&t, 1, 24, RP_STATUS_FT);
    expect_status(&t, 25, 36, RP_STATUS_GNC);
    expect_status(&t, 37, 48, RP_STATUS_FT);
    assert_false(rp_status_keeps_facility(t.status[30]));
    assert_true(rp_counted_months(m, r, &t) == 36); /* 24 + the 12 months of extension */
    rp_timeline_free(&t);

    /* a plan that keeps the resident at keio in the non-clinical year breaks RAD-06 there */
    rp_plan *p = t_plan_csv(m, "r1,2019,E,keio,,block,1,12,,,\n"
                               "r1,2019,E,tokyo-mc,,block,13,24,,,\n"
                               "r1,2019,E,keio,,block,25,48,,,\n");
    assert_true(t_violations(m, c, p, "RAD-06") >= 1);
    rp_plan_free(p);
    /* with no facility (none) in months 25-36 and keio in the extension, RAD-01 and RAD-06
     * hold */
    p = t_plan_csv(m, "r1,2019,E,keio,,block,1,12,,,\n"
                      "r1,2019,E,tokyo-mc,,block,13,24,,,\n"
                      "r1,2019,E,none,,block,25,36,,,\n"
                      "r1,2019,E,keio,,block,37,48,,,\n");
    assert_int_equal(t_violations(m, c, p, "RAD-01"), 0);
    assert_int_equal(t_violations(m, c, p, "RAD-06"), 0);
    /* the extension's finding names the graduate school, not leave (the resident has none) */
    assert_true(finding_says(m, c, p, "RAD-01", "non-clinical graduate school (RAD-10)"));
    assert_false(finding_says(m, c, p, "RAD-01", "leave leaves"));
    rp_plan_free(p);
    rp_cohort_free(c);
    rp_model_free(m);
}

/* Bad values, each located: a status that is not clinical or nonclinical; graduate_school for a
 * resident in no graduate school; non-clinical school from year 2 (24 months: beyond the one
 * year of extension a resident may have). */
static void test_RAD10_bad_graduate_school(void **state)
{
    (void)state;
    rp_model *m = t_load_model(MODEL);
    char *text = errors_of(m, "    course: D\n    graduate_school: clinicl\n");
    assert_string_equal(text, "5:22: unknown graduate_school 'clinicl'; did you mean "
                              "'clinical'?\n");
    free(text);
    text = errors_of(m, "    course: A\n    graduate_school: clinical\n");
    assert_string_equal(text, "5:22: graduate_school 'clinical' is given but resident 'r1' is "
                              "in no graduate school; expected graduate_entry_year or a course "
                              "with graduate_school\n");
    free(text);
    text = errors_of(m, "    graduate_entry_year: 2\n    graduate_school: nonclinical\n");
    assert_string_equal(text, "5:22: non-clinical graduate school from year 2 extends the "
                              "programme of resident 'r1' by 24 months; expected at most 12 "
                              "months (one programme year): enter later, or in clinical "
                              "graduate school\n");
    free(text);
    rp_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_RAD10_L571_course_default_year_3),
        cmocka_unit_test(test_RAD10_L571_entry_on_request),
        cmocka_unit_test(test_RAD10_L781_nonclinical_counts_nothing),
        cmocka_unit_test(test_RAD10_bad_graduate_school),
    };
    return T_RUN(tests);
}
