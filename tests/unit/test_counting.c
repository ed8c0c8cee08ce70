/*
 * test_counting.c: the counting checks (translate/counting.c). They must find nothing in
 * programmes that have plans (every shipped example), and find exactly what a hand count says
 * when the months left after leave and pins fall short.
 */
#include "support.h"

#include "rotaplan/translate.h"

#include <stdlib.h>
#include <string.h>

static rp_counts count(const char *model, const char *residents)
{
    rp_model *m = t_load_model(model);
    rp_cohort *c = residents ? t_load_cohort(m, residents) : rp_cohort_default(m);
    rp_diags d = RP_DIAGS_INIT;
    rp_translation *t = NULL;
    assert_int_equal(rp_translate(m, c, NULL, &t, &d), 0);
    rp_counts k = RP_COUNTS_INIT;
    rp_count_rows(t, &k);
    rp_translation_free(t);
    rp_diags_free(&d);
    rp_cohort_free(c);
    rp_model_free(m);
    return k;
}

static void expect_none(const char *model, const char *residents)
{
    rp_counts k = count(model, residents);
    if (k.n)
        fail_msg("%s %s: %zu counting finding(s) for a programme that has a plan", model,
                 residents ? residents : "(default cohort)", k.n);
    rp_counts_free(&k);
}

static void test_programmes_with_plans_have_no_finding(void **state)
{
    (void)state;
    expect_none("models/radiology-keio-2019.yaml", NULL);
    expect_none("models/radiology-keio-2019.yaml", "examples/radiology-cohorts.yaml");
    expect_none("models/radiology-keio-2019.yaml", "examples/radiology-cohort-12.yaml");
    expect_none("models/initial-residency-2020.yaml", NULL);
    expect_none("models/initial-residency-2020.yaml", "examples/initial-cohort-30.yaml");
    expect_none("tests/cli/counting-model.yaml", "tests/cli/counting-residents.yaml");
}

/* Course C with years 1 and 3 pinned at 修練 partners and 4 months of sickness in year 2: 8 of
 * RAD-02's 12 months at 総合修練 facilities are left, over the resident's 36 months. In the
 * reading uncounted_leave: fails nothing extends the programme (else RAD-27 extends it by the 4
 * months: test_min_months_at.c). */
static void test_months_left_after_leave_and_pins(void **state)
{
    (void)state;
    rp_model *m = t_load_model("models/radiology-keio-2019.yaml");
    m->readings.uncounted_leave_fails = true;
    rp_cohort *c = t_load_cohort(m, "tests/cli/months-left.yaml");
    rp_diags d = RP_DIAGS_INIT;
    rp_translation *t = NULL;
    assert_int_equal(rp_translate(m, c, NULL, &t, &d), 0);
    rp_counts k = RP_COUNTS_INIT;
    rp_count_rows(t, &k);
    assert_int_equal(k.n, 1);
    assert_string_equal(m->rules[k.items[0].tag.rule].id, "RAD-02");
    assert_int_equal(k.items[0].tag.resident, 0);
    assert_int_equal(k.items[0].sense, RP_GE);
    assert_true(k.items[0].reach == 8 && k.items[0].bound == 12);
    rp_counts_free(&k);
    rp_translation_free(t);
    rp_diags_free(&d);
    rp_cohort_free(c);
    rp_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_programmes_with_plans_have_no_finding),
        cmocka_unit_test(test_months_left_after_leave_and_pins),
    };
    return T_RUN(tests);
}
