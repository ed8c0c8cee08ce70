/*
 * test_shape.c: the shape of a plan (include/rotaplan/shape.h) and the objective terms that
 * prefer a plan a programme would adopt (src/translate/shape.c): the standard rotation as the
 * loader reads it and the offset groups, the measure of a hand-made plan, and plans of two
 * differently shaped programmes (the shipped two-year model in weeks, a test programme in
 * months) with the shape terms on and off: on, every plan passes the direct checks and stays
 * closer to the standard rotation and at the core hospital.
 */
#include "support.h"

#include "rotaplan/check.h"
#include "rotaplan/shape.h"
#include "rotaplan/solve.h"
#include "rotaplan/translate.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

#define INIT_MODEL "models/initial-residency-2020.yaml"
#define MONTHS_MODEL "tests/fixtures/shape-months.yaml"

/* Plans the model's default cohort as `rotaplan plan` does (a first plan resident by resident,
 * then the search), checks the plan with every direct check and returns it. */
static rp_plan *plan_default(const rp_model *m)
{
    rp_cohort *c = rp_cohort_default(m);
    rp_translation *t = NULL;
    rp_diags d = RP_DIAGS_INIT;
    assert_int_equal(rp_translate(m, c, NULL, &t, &d), 0);
    size_t n = t->n_residents;
    int **groups = rp_xcalloc(n + 1, sizeof *groups);
    size_t *sizes = rp_xcalloc(n + 1, sizeof *sizes);
    for (size_t r = 0; r < n; r++)
        sizes[r] = rp_translation_resident_columns(t, r, &groups[r]);
    rp_first_plan first = {(const int *const *)groups, sizes, n, NULL, NULL, NULL, NULL, NULL};
    rp_solve_options opt = {0, 0, false, NULL, &first, NULL}; /* no clock */
    rp_solve_result res;
    assert_int_equal(rp_solve(t->ilp, &opt, &res, &d), 0);
    assert_non_null(res.x);
    assert_int_equal(res.status, RP_SOLVE_OPTIMAL);
    rp_plan *p = NULL;
    assert_int_equal(rp_decode(t, res.x, &p, &d), 0);
    rp_findings f = RP_FINDINGS_INIT;
    assert_int_equal(rp_check_plan(m, c, p, &f, &d), 0);
    for (size_t i = 0; i < f.count; i++)
        assert_int_not_equal(f.items[i].level, RP_LEVEL_VIOLATION);
    rp_findings_free(&f);
    for (size_t r = 0; r < n; r++)
        free(groups[r]);
    free(groups);
    free(sizes);
    rp_solve_result_free(&res);
    rp_translation_free(t);
    rp_cohort_free(c);
    rp_diags_free(&d);
    return p;
}

static long total(const int *v, size_t n)
{
    long s = 0;
    for (size_t i = 0; i < n; i++)
        s += v[i];
    return s;
}

/* ---- the standard rotation as read ---- */

static void test_standard_rotation_read(void **state)
{
    (void)state;
    rp_model *m = t_load_model(INIT_MODEL);
    assert_int_equal(m->standard.groups, 5);
    assert_int_equal(m->standard.n_years, 2);
    assert_int_equal(m->standard.n_blocks, 9);
    /* group 0 follows year 1 as listed; group 1 starts at its second block (emergency) */
    assert_string_equal(rp_standard_block(m, 0, 1)->department, "internal-medicine");
    assert_string_equal(rp_standard_block(m, 0, 24)->department, "internal-medicine");
    assert_string_equal(rp_standard_block(m, 0, 25)->department, "emergency");
    assert_string_equal(rp_standard_block(m, 1, 1)->department, "emergency");
    assert_string_equal(rp_standard_block(m, 1, 29)->department, "internal-medicine");
    /* year 2 of group 0 starts with community medicine (a field), group 4 with free choice */
    assert_int_equal(rp_standard_block(m, 0, 53)->field, RP_FIELD_CM);
    assert_true(rp_standard_block(m, 4, 53)->free);
    assert_null(rp_standard_block(m, 0, 105)); /* beyond the pattern */
    int core = rp_model_facility(m, "core"), psych = rp_model_facility(m, "psych");
    int im = rp_facility_department(&m->facilities[core], "internal-medicine");
    int em = rp_facility_department(&m->facilities[core], "emergency");
    assert_true(rp_standard_matches(m, rp_standard_block(m, 0, 1), core, im));
    assert_false(rp_standard_matches(m, rp_standard_block(m, 0, 1), core, em));
    assert_false(rp_standard_matches(m, rp_standard_block(m, 0, 53), psych, 0));
    assert_true(rp_standard_matches(m, rp_standard_block(m, 4, 53), psych, 0));
    rp_model_free(m);
}

/* Offset groups: the rank of the id in its cohort, whatever the order of the list. */
static void test_offset_groups_by_id(void **state)
{
    (void)state;
    rp_model *m = t_load_model(INIT_MODEL);
    const char *ids[] = {"c", "a", "f", "b", "e", "d", "z"};
    const int cohorts[] = {2020, 2020, 2020, 2020, 2020, 2020, 2021};
    const char *rev[] = {"z", "d", "e", "b", "f", "a", "c"};
    const int rev_cohorts[] = {2021, 2020, 2020, 2020, 2020, 2020, 2020};
    assert_int_equal(rp_standard_group(m, "a", 2020, ids, cohorts, 7), 0);
    assert_int_equal(rp_standard_group(m, "c", 2020, ids, cohorts, 7), 2);
    assert_int_equal(rp_standard_group(m, "f", 2020, ids, cohorts, 7), 0); /* rank 5 of 5 groups */
    assert_int_equal(rp_standard_group(m, "z", 2021, ids, cohorts, 7), 0);
    for (size_t i = 0; i < 7; i++)
        assert_int_equal(rp_standard_group(m, ids[i], cohorts[i], ids, cohorts, 7),
                         rp_standard_group(m, ids[i], cohorts[i], rev, rev_cohorts, 7));
    rp_model_free(m);
}

/* ---- the measure of a hand-made plan ---- */

static void test_measure_hand_plan(void **state)
{
    (void)state;
    rp_model *m = t_load_model(INIT_MODEL);
    /* resident x (group 0 of its cohort): internal medicine split by psychiatry, and the core's
     * internal medicine followed by the town's (one stint of IM, two blocks) */
    rp_plan *p = t_plan_csv(m, "x,2020,,core,internal-medicine,block,1,12,,,\n"
                               "x,2020,,psych,psychiatry,block,13,16,,,\n"
                               "x,2020,,core,internal-medicine,block,17,24,,,\n"
                               "x,2020,,town,internal-medicine,block,25,28,,,\n"
                               "x,2020,,core,emergency,block,29,40,,,\n"
                               "x,2020,,core,emergency,parallel,1,12,,,1\n"
                               "x,2020,,core,surgery,block,41,104,,,\n");
    rp_shape s;
    rp_shape_measure(m, p, &s);
    assert_int_equal(s.n_residents, 1);
    assert_int_equal(s.blocks[0], 6);
    assert_int_equal(s.fields[0], 4);     /* IM, PSY, EM, SURG */
    assert_int_equal(s.stints[0], 5);     /* IM twice */
    assert_int_equal(s.split[0], 1);
    assert_int_equal(s.max_stints[0], 2);
    assert_int_equal(s.away[0], 8);       /* psych 4, town 4 */
    /* off the pattern of group 0 (IM 1-24, EM 25-36, SURG 37-44, PED 45-52; year 2: CM 53-60,
     * PSY 61-68, OBGYN 69-76, GO 77-84, free 85-104): psychiatry 13-16, the town's IM 25-28
     * (emergency then), emergency 37-40 (surgery then), surgery 45-84; surgery 41-44 is on it */
    assert_int_equal(s.pattern[0], 84);
    assert_int_equal(s.distance[0], 4 + 4 + 4 + 40);
    rp_shape_free(&s);
    rp_plan_free(p);
    rp_model_free(m);
}

/* ---- plans with the shape terms on and off ---- */

/* The two-year model as shipped against the same model with its shape weights at 0 (the
 * objective before the shape terms): the shipped one keeps every resident on the standard
 * rotation but for a few weeks and within 24 weeks of the core hospital, and has fewer blocks. */
static void test_two_year_follows_standard(void **state)
{
    (void)state;
    rp_model *m = t_load_model(INIT_MODEL);
    rp_plan *p = plan_default(m);
    rp_shape on;
    rp_shape_measure(m, p, &on);
    m->objective.away = 0;
    m->objective.standard = 0;
    rp_plan *q = plan_default(m);
    rp_shape off;
    rp_shape_measure(m, q, &off);
    size_t n = on.n_residents;
    assert_int_equal(n, 20);
    long off_on = total(on.distance, n), off_off = total(off.distance, n);
    long pattern = total(on.pattern, n);
    assert_true(off_on * 20 <= pattern);  /* at most 5% of the pattern's weeks off it */
    assert_true(off_off > 4 * off_on);
    assert_true(rp_spread_of(on.away, n).max <= 24);
    assert_true(rp_spread_of(on.blocks, n).median < rp_spread_of(off.blocks, n).median);
    assert_true(total(on.stints, n) < total(off.stints, n));
    rp_shape_free(&on);
    rp_shape_free(&off);
    rp_plan_free(p);
    rp_plan_free(q);
    rp_model_free(m);
}

/* A second, differently shaped programme (months, two years, three groups, a free block first in
 * year 2, departments of 2 places): the standard rotation is followed as far as the capacities
 * allow, and every resident spends the same 8 months away (the partner and the clinic, 4 each). */
static void test_months_programme_follows_standard(void **state)
{
    (void)state;
    rp_model *m = t_load_model(MONTHS_MODEL);
    assert_int_equal(m->standard.groups, 3);
    rp_plan *p = plan_default(m);
    rp_shape on;
    rp_shape_measure(m, p, &on);
    m->objective.away = 0;
    m->objective.standard = 0;
    rp_plan *q = plan_default(m);
    rp_shape off;
    rp_shape_measure(m, q, &off);
    size_t n = on.n_residents;
    assert_int_equal(n, 6);
    long pattern = total(on.pattern, n);
    assert_int_equal(pattern, 6 * 20); /* 24 months less the 4 free ones */
    assert_true(total(on.distance, n) * 5 <= pattern); /* at most 20% off */
    assert_true(total(off.distance, n) > 2 * total(on.distance, n));
    assert_true(rp_spread_of(on.away, n).min == 8 && rp_spread_of(on.away, n).max == 8);
    rp_shape_free(&on);
    rp_shape_free(&off);
    rp_plan_free(p);
    rp_plan_free(q);
    rp_model_free(m);
}

/* Extra stints cost (objective.stints, with its start rows): on the months programme without
 * the standard rotation, no field is split. */
static void test_stints_term_joins_fields(void **state)
{
    (void)state;
    rp_model *m = t_load_model(MONTHS_MODEL);
    m->objective.standard = 0;
    m->objective.away = 0;
    m->objective.stints = 0.05;
    rp_plan *p = plan_default(m);
    rp_shape s;
    rp_shape_measure(m, p, &s);
    assert_int_equal(total(s.split, s.n_residents), 0);
    assert_int_equal(total(s.stints, s.n_residents), total(s.fields, s.n_residents));
    rp_shape_free(&s);
    rp_plan_free(p);
    rp_model_free(m);
}

/* The most periods any resident spends in one field (blocks only). */
static int most_in_one_field(const rp_model *m, const rp_plan *p)
{
    int most = 0;
    for (size_t r = 0; r < p->n_residents; r++) {
        for (size_t i = 0; i < p->n_stints; i++) {
            const rp_stint *a = &p->stints[i];
            if (a->resident != (int)r || a->mode != RP_MODE_BLOCK || a->facility < 0)
                continue;
            const char *field = rp_shape_field(m, a->facility, a->department);
            int n = 0;
            for (size_t j = 0; j < p->n_stints; j++) {
                const rp_stint *b = &p->stints[j];
                if (b->resident == (int)r && b->mode == RP_MODE_BLOCK && b->facility >= 0 &&
                    strcmp(rp_shape_field(m, b->facility, b->department), field) == 0)
                    n += b->last - b->first + 1;
            }
            most = n > most ? n : most;
        }
    }
    return most;
}

/* Excess (objective.excess, convex beyond field_periods): on the months programme without the
 * standard rotation, the free months are spread over the fields (24 months over 5 fields: at
 * most 6 in one, the places of 2 allowing), where without it some resident spends more than 6
 * in one field. */
static void test_excess_spreads_free_time(void **state)
{
    (void)state;
    rp_model *m = t_load_model(MONTHS_MODEL);
    m->objective.standard = 0;
    m->objective.away = 0;
    rp_plan *q = plan_default(m);
    m->objective.excess = 1.0;
    m->objective.field_periods = 2; /* a month beyond 2, 4, 6 costs 1, 2, 3 twelfths */
    rp_plan *p = plan_default(m);
    assert_true(most_in_one_field(m, p) <= 6); /* the capacities of 2 allow no better */
    assert_true(most_in_one_field(m, q) > 6);
    rp_plan_free(p);
    rp_plan_free(q);
    rp_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_standard_rotation_read),
        cmocka_unit_test(test_offset_groups_by_id),
        cmocka_unit_test(test_measure_hand_plan),
        cmocka_unit_test(test_two_year_follows_standard),
        cmocka_unit_test(test_months_programme_follows_standard),
        cmocka_unit_test(test_stints_term_joins_fields),
        cmocka_unit_test(test_excess_spreads_free_time),
    };
    return T_RUN(tests);
}
