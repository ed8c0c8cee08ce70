/*
 * test_capacity.c: what `rotaplan capacity` shows, taken from the rule kinds themselves: the
 * intake arithmetic of intake-cap (RAD-13, RULES.md C-3: IVR 2811 / 60 = 46.85 binds, cap 46;
 * 47 with the column sums, D-6), urban-intake-cap (RAD-14: 59 / 5 = 11.8, strict limits 11, 23,
 * 35, 47, 59; a finding unless the reading is strict, D-4) and intake-by-beds (INIT-71: 520 beds
 * / 10 = 52 for the example core), with their windows over a cohort; the loads hook of
 * residents-per-instructor (RAD-12, C-4) and department-capacity (INIT-72), which the checks
 * judge; the check context on its own; and the aligned grid with numbers to the right.
 */
#include "support.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/grid.h"
#include "rotaplan/calendar.h"
#include "rotaplan/check.h"
#include "rotaplan/rule.h"
#include "rules/intake.h"
#include "util/util.h"

#define RAD "models/radiology-keio-2019.yaml"
#define INIT "models/initial-residency-2020.yaml"

static const rp_rule *rule_of(const rp_model *m, const char *id)
{
    for (size_t i = 0; i < m->n_rules; i++)
        if (strcmp(m->rules[i].id, id) == 0)
            return &m->rules[i];
    fail_msg("no rule %s", id);
    return NULL;
}

/* RAD-13, C-3 with the printed totals: 54.3, 313689.7 / 3000, 2811 / 60, 3425.6 / 60 */
static void test_RAD13_C3_ivr_binds_cap_46(void **state)
{
    (void)state;
    rp_model *m = t_load_model(RAD);
    rp_intake_cap c;
    assert_int_equal(rp_intake_cap_explain(rule_of(m, "RAD-13"), m, &c), 0);
    assert_true(fabs(c.total[RP_CAP_INSTRUCTORS] - 54.3) < 1e-9);
    assert_true(fabs(c.total[RP_CAP_CT] - 313689.7) < 1e-9);
    assert_true(fabs(c.total[RP_CAP_IVR] - 2811) < 1e-9);
    assert_true(fabs(c.total[RP_CAP_RT] - 3425.6) < 1e-9);
    assert_true(fabs(c.divisor[RP_CAP_CT] - 3000) < 1e-9);
    assert_true(fabs(c.divisor[RP_CAP_IVR] - 60) < 1e-9);
    assert_true(fabs(c.term[RP_CAP_CT] - 104.5632333) < 1e-6);
    assert_true(fabs(c.term[RP_CAP_IVR] - 46.85) < 1e-9);
    assert_true(fabs(c.term[RP_CAP_RT] - 57.0933333) < 1e-6);
    for (int i = 0; i < RP_CAP_N_TERMS; i++)
        assert_true(c.printed[i]);
    assert_int_equal(c.binding, RP_CAP_IVR);
    assert_string_equal(rp_intake_cap_terms[c.binding], "IVR");
    assert_int_equal(c.value, 46);
    rp_model_free(m);
}

/* RAD-13, D-6 lenient reading: the column sums (IVR 2824 / 60 = 47.07) give 47 */
static void test_RAD13_D6_column_sums_give_47(void **state)
{
    (void)state;
    rp_model *m = t_load_model(RAD);
    m->readings.totals_computed = true;
    rp_intake_cap c;
    assert_int_equal(rp_intake_cap_explain(rule_of(m, "RAD-13"), m, &c), 0);
    assert_true(fabs(c.total[RP_CAP_IVR] - 2824) < 1e-9);
    assert_true(fabs(c.total[RP_CAP_CT] - 311993.9) < 1e-6);
    assert_false(c.printed[RP_CAP_IVR]);
    assert_int_equal(c.binding, RP_CAP_IVR);
    assert_int_equal(c.value, 47);
    rp_model_free(m);
}

/* D-6 in the default reading too (issue 14): the column sums and the printed totals are both
 * kept, so that `capacity` says where they differ: CT 311,993.9 against 313,689.7, IVR 2,824
 * against 2,811; the instructors and RT match */
static void test_RAD13_D6_printed_reading_keeps_the_column_sums(void **state)
{
    (void)state;
    rp_model *m = t_load_model(RAD);
    rp_intake_cap c;
    assert_int_equal(rp_intake_cap_explain(rule_of(m, "RAD-13"), m, &c), 0);
    assert_true(c.printed[RP_CAP_CT]);
    assert_true(fabs(c.column_sum[RP_CAP_CT] - 311993.9) < 1e-6);
    assert_true(fabs(c.printed_total[RP_CAP_CT] - 313689.7) < 1e-6);
    assert_true(fabs(c.column_sum[RP_CAP_IVR] - 2824) < 1e-9);
    assert_true(fabs(c.printed_total[RP_CAP_IVR] - 2811) < 1e-9);
    assert_true(fabs(c.column_sum[RP_CAP_RT] - c.printed_total[RP_CAP_RT]) < 0.05);
    assert_true(fabs(c.column_sum[RP_CAP_INSTRUCTORS] - c.printed_total[RP_CAP_INSTRUCTORS]) <
                0.05);
    rp_model_free(m);
}

/* Each explain answers for its own kind only */
static void test_explain_refuses_other_kinds(void **state)
{
    (void)state;
    rp_model *m = t_load_model(RAD);
    rp_intake_cap c;
    rp_urban_cap u;
    rp_beds_cap b;
    assert_int_equal(rp_intake_cap_explain(rule_of(m, "RAD-14"), m, &c), -1);
    assert_int_equal(rp_urban_cap_explain(rule_of(m, "RAD-13"), m, &u), -1);
    assert_int_equal(rp_beds_cap_explain(rule_of(m, "RAD-12"), m, &b), -1);
    rp_model_free(m);
}

/* RAD-13 over the default cohort: one window a year, 12 against 46 */
static void test_RAD13_windows_of_the_default_cohort(void **state)
{
    (void)state;
    rp_model *m = t_load_model(RAD);
    rp_cohort *c = rp_cohort_default(m);
    rp_intake_years y;
    rp_intake_years_of_cohort(c, &y);
    assert_int_equal(y.first, 2019);
    assert_int_equal(y.last, 2021);
    assert_int_equal(rp_intake_in(&y, 2020), 12);
    assert_int_equal(rp_intake_in(&y, 2018), 0);
    rp_intake_cap cap;
    assert_int_equal(rp_intake_cap_explain(rule_of(m, "RAD-13"), m, &cap), 0);
    rp_intake_window *w;
    size_t n = rp_intake_cap_windows(&cap, &y, &w);
    assert_int_equal(n, 3);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(w[i].first_year, 2019 + (int)i);
        assert_int_equal(w[i].years, 1);
        assert_int_equal(w[i].intake, 12);
        assert_int_equal(w[i].limit, 46);
    }
    free(w);
    rp_intake_years_free(&y);
    rp_cohort_free(c);
    rp_model_free(m);
}

/* RAD-14, C-3, D-4: 59 / 5 = 11.8; 12 + 12 + 12 breaks every strict window by 1, a finding */
static void test_RAD14_D4_urban_average_and_windows(void **state)
{
    (void)state;
    rp_model *m = t_load_model(RAD);
    rp_urban_cap u;
    assert_int_equal(rp_urban_cap_explain(rule_of(m, "RAD-14"), m, &u), 0);
    assert_true(u.urban);
    assert_int_equal(u.history_years, 5);
    assert_int_equal(u.history_total, 59);
    assert_true(fabs(u.average - 11.8) < 1e-9);
    assert_int_equal(u.level, RP_LEVEL_FINDING);
    static const int limits[5] = {11, 23, 35, 47, 59};
    for (int k = 1; k <= 5; k++)
        assert_int_equal(rp_urban_cap_limit(&u, k), limits[k - 1]);
    rp_cohort *c = rp_cohort_default(m);
    rp_intake_years y;
    rp_intake_years_of_cohort(c, &y);
    rp_intake_window *w;
    size_t n = rp_urban_cap_windows(&u, &y, &w);
    assert_int_equal(n, 6); /* 3 single years, 2 pairs, 1 triple */
    assert_int_equal(w[5].first_year, 2019);
    assert_int_equal(w[5].years, 3);
    assert_int_equal(w[5].intake, 36);
    assert_int_equal(w[5].limit, 35);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(w[i].intake - w[i].limit, 1);
    free(w);
    m->readings.intake_cap_strict = true;
    assert_int_equal(rp_urban_cap_explain(rule_of(m, "RAD-14"), m, &u), 0);
    assert_int_equal(u.level, RP_LEVEL_VIOLATION);
    rp_intake_years_free(&y);
    rp_cohort_free(c);
    rp_model_free(m);
}

/* INIT-71: the example core's 520 beds / 10 = 52 (no admissions given); 10 + 10 in 2021 */
static void test_INIT71_beds_limit_and_years_in_training(void **state)
{
    (void)state;
    rp_model *m = t_load_model(INIT);
    rp_beds_cap b;
    assert_int_equal(rp_beds_cap_explain(rule_of(m, "INIT-71"), m, &b), 0);
    assert_string_equal(m->facilities[b.facility].id, "core");
    assert_int_equal(b.by_beds, 52);
    assert_int_equal(b.by_admissions, -1);
    assert_int_equal(b.value, 52);
    rp_cohort *c = rp_cohort_default(m);
    rp_intake_years y;
    rp_intake_years_of_cohort(c, &y);
    rp_intake_window *w;
    size_t n = rp_beds_cap_windows(&b, &y, &w);
    assert_int_equal(n, 3);
    static const int intake[3] = {10, 20, 10};
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(w[i].first_year, 2019 + (int)i);
        assert_int_equal(w[i].years, 2);
        assert_int_equal(w[i].intake, intake[i]);
        assert_int_equal(w[i].limit, 52);
    }
    free(w);
    rp_intake_years_free(&y);
    rp_cohort_free(c);
    rp_model_free(m);
}

/* The place of l at facility id (NULL: the programme) and department id (NULL: none). */
static const rp_capped *place_of(const rp_model *m, const rp_loads *l, const char *facility,
                                const char *department)
{
    for (size_t i = 0; i < l->n_places; i++) {
        const rp_capped *p = &l->places[i];
        if (!facility ? p->facility != RP_NONE
                      : p->facility < 0 || strcmp(m->facilities[p->facility].id, facility) != 0)
            continue;
        const char *d = p->department >= 0
                            ? m->facilities[p->facility].departments[p->department].id
                            : p->department_id;
        if (rp_streq(d, department))
            return p;
    }
    fail_msg("no place %s %s", facility ? facility : "(programme)", department ? department : "");
    return NULL;
}

/* The loads of rule id over plan (cohort c may be NULL), through its kind's hook. */
static void loads_of(const rp_model *m, const rp_cohort *c, const rp_plan *p, const char *id,
                     rp_loads *out)
{
    rp_diags d = RP_DIAGS_INIT;
    rp_check_ctx *ctx = NULL;
    assert_int_equal(rp_check_ctx_new(m, c, p, &ctx, &d), 0);
    const rp_rule *rule = rule_of(m, id);
    assert_non_null(rule->kind->loads);
    rp_loads_init(out, ctx);
    rule->kind->loads(rule, ctx, out);
    rp_check_ctx_free(ctx);
    rp_diags_free(&d);
}

/* RAD-12, C-4: five residents at keiyu (limit floor(3 x 1.5) = 4) from 2020-04 to 2021-03; the
 * programme's limit floor(3 x 54.3) = 162 */
static void test_RAD12_C4_loads_are_what_the_check_counts(void **state)
{
    (void)state;
    rp_model *m = t_load_model(RAD);
    rp_plan *p = t_plan_file(m, "tests/rules/residents_per_instructor/keiyu-5.csv");
    rp_loads l;
    loads_of(m, NULL, p, "RAD-12", &l);
    assert_int_equal(l.first, rp_slot(m, 2019, 1));
    assert_int_equal(l.last, rp_slot(m, 2019, 36));
    assert_int_equal(l.n_places, m->n_facilities + 1);
    const rp_capped *keiyu = place_of(m, &l, "keiyu", NULL);
    assert_true(fabs(keiyu->capacity - 4) < 1e-9);
    for (long t = l.first; t <= l.last; t++) {
        bool year2 = t >= rp_slot(m, 2019, 13) && t <= rp_slot(m, 2019, 24);
        assert_true(fabs(keiyu->load[t - l.first] - (year2 ? 5 : 0)) < 1e-9);
        assert_int_equal(rp_capped_over(keiyu, t - l.first, keiyu->load[t - l.first]), year2);
    }
    assert_true(fabs(place_of(m, &l, "hino", NULL)->capacity - 3) < 1e-9);
    const rp_capped *all = place_of(m, &l, NULL, NULL);
    assert_true(fabs(all->capacity - 162) < 1e-9);
    assert_true(fabs(all->load[0] - 5) < 1e-9);
    rp_loads_free(&l);
    assert_int_equal(t_violations(m, NULL, p, "RAD-12"), 1);
    rp_plan_free(p);
    rp_model_free(m);
}

/* INIT-72: r1's block and r2's weekly day at island's general outpatient (capacity 1) in weeks
 * 57-60 load it 1 + 1/5 = 1.2 */
static void test_INIT72_parallel_day_loads_a_fifth(void **state)
{
    (void)state;
    rp_model *m = t_load_model(INIT);
    rp_plan *p = t_plan_file(m, "tests/rules/department_capacity/island-block-and-session.csv");
    rp_loads l;
    loads_of(m, NULL, p, "INIT-72", &l);
    const rp_capped *go = place_of(m, &l, "island", "general-outpatient");
    assert_true(fabs(go->capacity - 1) < 1e-9);
    for (int w = 56; w <= 61; w++) {
        double want = w >= 57 && w <= 60 ? 1.2 : 0;
        assert_true(fabs(go->load[rp_slot(m, 2020, w) - l.first] - want) < 1e-9);
    }
    assert_true(rp_capped_over(go, 0, 1.2));
    assert_false(rp_capped_over(go, 0, 1));
    const rp_capped *im = place_of(m, &l, "core", "internal-medicine");
    assert_true(fabs(im->capacity - 8) < 1e-9);
    assert_true(fabs(im->load[rp_slot(m, 2020, 1) - l.first] - 2) < 1e-9);
    rp_loads_free(&l);
    rp_plan_free(p);
    rp_model_free(m);
}

/* A plan's resident missing from the residents file: an error, the context left unset */
static void test_check_ctx_needs_every_resident(void **state)
{
    (void)state;
    rp_model *m = t_load_model(RAD);
    rp_plan *p = t_plan_file(m, "tests/rules/residents_per_instructor/keiyu-5.csv");
    rp_cohort *c = t_load_cohort(m, "examples/radiology-cohort-12.yaml");
    rp_diags d = RP_DIAGS_INIT;
    rp_check_ctx *ctx = NULL;
    assert_int_equal(rp_check_ctx_new(m, c, p, &ctx, &d), -1);
    assert_null(ctx);
    assert_true(d.count >= 1);
    rp_diags_free(&d);
    rp_check_ctx_free(NULL);
    rp_cohort_free(c);
    rp_plan_free(p);
    rp_model_free(m);
}

/* The grid: numbers to the right, an indent, Japanese names by display width, no trailing
 * space */
static void test_grid_aligns_right_and_indents(void **state)
{
    (void)state;
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    rp_grid g;
    rp_grid_init(&g, 3);
    g.indent = 2;
    g.right[1] = true;
    const char *rows[3][3] = {
        {"place", "load", "name"},
        {"keio", "24", "慶應"},
        {"hino", rp_grid_printf(&g, "%d", 3), NULL},
    };
    for (int i = 0; i < 3; i++)
        rp_grid_add(&g, rows[i]);
    rp_grid_print(&g, NULL, out);
    rp_grid_free(&g);
    fclose(out);
    assert_string_equal(text, "  place  load  name\n"
                              "  keio     24  慶應\n"
                              "  hino      3\n");
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_RAD13_C3_ivr_binds_cap_46),
        cmocka_unit_test(test_RAD13_D6_column_sums_give_47),
        cmocka_unit_test(test_RAD13_D6_printed_reading_keeps_the_column_sums),
        cmocka_unit_test(test_explain_refuses_other_kinds),
        cmocka_unit_test(test_RAD13_windows_of_the_default_cohort),
        cmocka_unit_test(test_RAD14_D4_urban_average_and_windows),
        cmocka_unit_test(test_INIT71_beds_limit_and_years_in_training),
        cmocka_unit_test(test_RAD12_C4_loads_are_what_the_check_counts),
        cmocka_unit_test(test_INIT72_parallel_day_loads_a_fifth),
        cmocka_unit_test(test_check_ctx_needs_every_resident),
        cmocka_unit_test(test_grid_aligns_right_and_indents),
    };
    return T_RUN(tests);
}
