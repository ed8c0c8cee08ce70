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

/* The translation of model and residents with facility withdrawn from date (year, month). */
static rp_counts count_withdrawn(const char *model, const char *residents, const char *facility,
                                 int year, int month, rp_model **mp)
{
    rp_model *m = t_load_model(model);
    rp_change w = {RP_CHANGE_WITHDRAW, rp_model_facility(m, facility), RP_NONE,
                   {year, month, 1}, {0, 0, 0}, 0};
    assert_true(w.facility != RP_NONE);
    rp_model_add_change(m, &w);
    rp_cohort *c = residents ? t_load_cohort(m, residents) : rp_cohort_default(m);
    rp_diags d = RP_DIAGS_INIT;
    rp_translation *t = NULL;
    assert_int_equal(rp_translate(m, c, NULL, &t, &d), 0);
    rp_counts k = RP_COUNTS_INIT;
    rp_count_rows(t, &k);
    rp_translation_free(t);
    rp_diags_free(&d);
    rp_cohort_free(c);
    *mp = m;
    return k;
}

/* The only psychiatry site of the two-year programme withdrawn for the whole horizon: every
 * resident's psychiatry minimum (INIT-13) is found short by its 20 days, and the finding names
 * the place the withdrawal shut (psych's psychiatry), not the capacity row it would overfill. */
static void test_only_site_withdrawn(void **state)
{
    (void)state;
    rp_model *m;
    rp_counts k = count_withdrawn("models/initial-residency-2020.yaml", NULL, "psych", 2020, 4,
                                  &m);
    int psych = rp_model_facility(m, "psych");
    size_t shut = 0;
    for (size_t i = 0; i < k.n; i++) {
        const rp_count *x = &k.items[i];
        assert_string_not_equal(m->rules[x->tag.rule].id, "INIT-72");
        if (x->n_shut == 0)
            continue;
        shut++;
        assert_string_equal(m->rules[x->tag.rule].id, "INIT-13");
        assert_int_equal(x->sense, RP_GE);
        assert_true(x->reach == 0 && x->bound == 20);
        assert_int_equal(x->n_shut, 1);
        assert_int_equal(x->shut[0].facility, psych);
        assert_string_equal(m->facilities[psych].departments[x->shut[0].department].id,
                            "psychiatry");
    }
    rp_cohort *c = rp_cohort_default(m);
    assert_int_equal(shut, c->n_residents); /* every resident of the default cohort */
    rp_cohort_free(c);
    rp_counts_free(&k);
    rp_model_free(m);
}

/* A second shape (months, facilities without departments): the base withdrawn, T-03's months at
 * the base are out of reach for all three residents, the base named as the place shut. */
static void test_base_withdrawn_months(void **state)
{
    (void)state;
    rp_model *m;
    rp_counts k = count_withdrawn("tests/cli/counting-model.yaml",
                                  "tests/cli/counting-residents.yaml", "base", 2019, 4, &m);
    size_t shut = 0;
    for (size_t i = 0; i < k.n; i++)
        if (k.items[i].n_shut) {
            shut++;
            assert_string_equal(m->rules[k.items[i].tag.rule].id, "T-03");
            assert_int_equal(k.items[i].shut[0].facility, rp_model_facility(m, "base"));
            assert_int_equal(k.items[i].shut[0].department, RP_NONE);
            assert_true(k.items[i].reach == 0 && k.items[i].bound == 3);
        }
    assert_int_equal(shut, 3);
    rp_counts_free(&k);
    rp_model_free(m);
}

/* The counting over whole programme years (solve/demand.c) of model and residents, after the
 * slot-by-slot counting, which must find nothing there. */
static rp_counts count_years(const char *model, const char *residents, rp_model **mp)
{
    rp_model *m = t_load_model(model);
    rp_cohort *c = residents ? t_load_cohort(m, residents) : rp_cohort_default(m);
    rp_diags d = RP_DIAGS_INIT;
    rp_translation *t = NULL;
    assert_int_equal(rp_translate(m, c, NULL, &t, &d), 0);
    rp_counts k = RP_COUNTS_INIT;
    rp_count_rows(t, &k);
    assert_int_equal(k.n, 0);
    rp_count_years(t, &k);
    rp_translation_free(t);
    rp_diags_free(&d);
    rp_cohort_free(c);
    *mp = m;
    return k;
}

static void expect_none_over_years(const char *model, const char *residents)
{
    rp_model *m;
    rp_counts k = count_years(model, residents, &m);
    if (k.n)
        fail_msg("%s %s: %zu finding(s) over whole years for a programme that has a plan", model,
                 residents ? residents : "(default cohort)", k.n);
    rp_counts_free(&k);
    rp_model_free(m);
}

static void test_programmes_with_plans_fit_over_years(void **state)
{
    (void)state;
    expect_none_over_years("models/radiology-keio-2019.yaml", NULL);
    expect_none_over_years("models/radiology-keio-2019.yaml", "examples/radiology-cohorts.yaml");
    expect_none_over_years("models/radiology-keio-2019.yaml", "examples/radiology-cohort-12.yaml");
    expect_none_over_years("models/initial-residency-2020.yaml", NULL);
    expect_none_over_years("models/minami-general-2024.yaml", NULL);
    expect_none_over_years("tests/cli/counting-model.yaml", "tests/cli/counting-residents.yaml");
    /* exactly full: 24 base months wanted, 24 held (cli.sh plans it) */
    expect_none_over_years("tests/cli/years-model.yaml", "tests/cli/years-two.yaml");
}

static bool forced_by(const rp_model *m, const rp_count *x, const char *rule)
{
    for (size_t i = 0; i < x->n_forcing; i++)
        if (strcmp(m->rules[x->forcing[i]].id, rule) == 0)
            return true;
    return false;
}

/* Issue 16 item 4: radiology at 3 cohorts of 36 (scripts/gen, seed 1: per 12, six of course
 * any and A, A, B, C, D, E). keio holds 33 a month (RAD-12: floor(3 x 11.0)); over fiscal
 * 2020-2021 the course patterns (RAD-09) put there cohort 2020's years 1-2 (A 20 months, the
 * 4-month partner window of RAD-08 aside; D 24; B, C, E and any 12: 516), cohort 2019's years
 * 2-3 (A 8, C 12, D 12, E 12; any picks B: 156) and cohort 2021's year 1 (A, B, D, E 12; any
 * picks C: 180): 852 resident-months against 24 x 33 = 792. No single year fails. */
static void test_intake_over_capacity_radiology(void **state)
{
    (void)state;
    rp_model *m;
    rp_counts k = count_years("models/radiology-keio-2019.yaml", "tests/cli/radiology-3x36.yaml",
                              &m);
    assert_int_equal(k.n, 1);
    const rp_count *x = &k.items[0];
    assert_true(x->years);
    assert_string_equal(m->rules[x->tag.rule].id, "RAD-12");
    assert_int_equal(x->tag.facility, rp_model_facility(m, "keio"));
    assert_int_equal(x->tag.first, rp_slot(m, 2020, 1));
    assert_int_equal(x->tag.last, rp_slot(m, 2021, 12));
    assert_true(x->reach == 852 && x->bound == 792);
    assert_true(forced_by(m, x, "RAD-09"));
    rp_counts_free(&k);
    rp_model_free(m);
}

/* A second shape (two years, no courses, a minimum at the base): three residents need 36 base
 * months over the 24 the base holds in their two years; neither year alone fails. */
static void test_intake_over_capacity_second_shape(void **state)
{
    (void)state;
    rp_model *m;
    rp_counts k = count_years("tests/cli/years-model.yaml", "tests/cli/years-residents.yaml", &m);
    assert_int_equal(k.n, 1);
    const rp_count *x = &k.items[0];
    assert_string_equal(m->rules[x->tag.rule].id, "Y-12");
    assert_int_equal(x->tag.facility, rp_model_facility(m, "base"));
    assert_int_equal(x->tag.first, rp_slot(m, 2019, 1));
    assert_int_equal(x->tag.last, rp_slot(m, 2019, 24));
    assert_true(x->reach == 36 && x->bound == 24);
    assert_true(forced_by(m, x, "Y-03"));
    assert_int_equal(x->n_residents, 3);
    rp_counts_free(&k);
    rp_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_programmes_with_plans_have_no_finding),
        cmocka_unit_test(test_months_left_after_leave_and_pins),
        cmocka_unit_test(test_only_site_withdrawn),
        cmocka_unit_test(test_base_withdrawn_months),
        cmocka_unit_test(test_programmes_with_plans_fit_over_years),
        cmocka_unit_test(test_intake_over_capacity_radiology),
        cmocka_unit_test(test_intake_over_capacity_second_shape),
    };
    return T_RUN(tests);
}
