/*
 * test_standard_first.c: the first plan from the standard rotation (solve.h
 * rp_solve_sequential_first, translate.h rp_translation_standard_columns). A pooled resident
 * (more pieces than a first plan plans whole) is first planned over the pieces that follow the
 * resident's offset group, and falls back to the pool, then to every piece, when those hold no
 * plan (rp_first_stats counts the steps). Tested on two programmes of other shapes than the
 * shipped example group: a week-based one of one-week pieces whose capacities let only some
 * residents follow the pattern in year 2 (tests/fixtures/standard-weeks.yaml), and the two-year
 * model without its rotation unit (pieces of 4 to 7 weeks, scripts/gen's free model) for its
 * default cohort.
 */
#include "support.h"

#include "rotaplan/check.h"
#include "rotaplan/shape.h"
#include "rotaplan/solve.h"
#include "rotaplan/translate.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

#define WEEKS_MODEL "tests/fixtures/standard-weeks.yaml"
#define INIT_MODEL "models/initial-residency-2020.yaml"

/* A translation with what the first plan needs (as cli/common.c rp_cli_first_plan builds it,
 * in the residents' order). */
typedef struct first {
    rp_cohort *c;
    rp_translation *t;
    int **groups;
    size_t *sizes;
    rp_col_shape *shapes;
    unsigned char *standard;
    rp_first_plan fp;
} first;

static void first_init(first *f, const rp_model *m)
{
    rp_diags d = RP_DIAGS_INIT;
    f->c = rp_cohort_default(m);
    f->t = NULL;
    assert_int_equal(rp_translate(m, f->c, NULL, &f->t, &d), 0);
    size_t n = f->t->n_residents;
    f->groups = rp_xcalloc(n + 1, sizeof *f->groups);
    f->sizes = rp_xcalloc(n + 1, sizeof *f->sizes);
    for (size_t r = 0; r < n; r++)
        f->sizes[r] = rp_translation_resident_columns(f->t, r, &f->groups[r]);
    f->shapes = rp_translation_column_shapes(f->t);
    f->standard = rp_translation_standard_columns(f->t);
    f->fp = (rp_first_plan){(const int *const *)f->groups, f->sizes, n, NULL, NULL, f->shapes,
                            f->standard, NULL};
    rp_diags_free(&d);
}

static void first_free(first *f)
{
    for (size_t r = 0; r < f->t->n_residents; r++)
        free(f->groups[r]);
    free(f->groups);
    free(f->sizes);
    free(f->shapes);
    free(f->standard);
    rp_translation_free(f->t);
    rp_cohort_free(f->c);
}

/* The first plan (no improving passes, no clock), which must satisfy every row and pass every
 * direct check; its periods off the standard rotation, summed over the residents; its steps in
 * *st. */
static long first_plan_distance(const rp_model *m, first *f, bool with_standard,
                                rp_first_stats *st)
{
    rp_first_plan fp = f->fp;
    if (!with_standard)
        fp.standard = NULL;
    fp.stats = st;
    rp_solve_options opt = {0, 0.01, false, NULL, NULL, NULL};
    double *x = NULL;
    assert_int_equal(rp_solve_sequential_first(f->t->ilp, &fp, false, &opt, &x), 0);
    for (size_t i = 0; i < rp_ilp_n_rows(f->t->ilp); i++)
        assert_true(rp_ilp_row_holds(f->t->ilp, (int)i, x, 1e-6));
    rp_diags d = RP_DIAGS_INIT;
    rp_plan *p = NULL;
    assert_int_equal(rp_decode(f->t, x, &p, &d), 0);
    rp_findings fs = RP_FINDINGS_INIT;
    assert_int_equal(rp_check_plan(m, f->c, p, &fs, &d), 0);
    for (size_t i = 0; i < fs.count; i++)
        assert_int_not_equal(fs.items[i].level, RP_LEVEL_VIOLATION);
    rp_shape s;
    rp_shape_measure(m, p, &s);
    long off = 0;
    for (size_t r = 0; r < s.n_residents; r++)
        off += s.distance[r];
    rp_shape_free(&s);
    rp_findings_free(&fs);
    rp_plan_free(p);
    rp_diags_free(&d);
    free(x);
    return off;
}

/* The piece of resident r at (facility, department) over first..last, or NULL. */
static const rp_piece *piece_at(const rp_translation *t, size_t r, int facility, int department,
                                int first_period, int last_period)
{
    size_t np;
    const rp_piece *pc = rp_space_pieces(t->space, r, &np);
    for (size_t i = 0; i < np; i++)
        if (pc[i].facility == facility && pc[i].department == department &&
            pc[i].first == first_period && pc[i].last == last_period)
            return &pc[i];
    return NULL;
}

/* Which pieces follow the pattern: resident 0 of the week-based programme is in group 0 (the
 * first id): im-a in weeks 1-13, surgery 14-26, ...; year 2 free in weeks 53-72, then the
 * partner 73-88. */
static void test_standard_columns_marked(void **state)
{
    (void)state;
    rp_model *m = t_load_model(WEEKS_MODEL);
    first f;
    first_init(&f, m);
    assert_non_null(f.standard);
    const rp_resident *res = &f.c->residents[0];
    const char *ids[64];
    int cohorts[64];
    for (size_t r = 0; r < f.c->n_residents; r++) {
        ids[r] = f.c->residents[r].id;
        cohorts[r] = f.c->residents[r].cohort;
    }
    size_t r0 = 0;
    for (size_t r = 0; r < f.c->n_residents; r++)
        if (rp_standard_group(m, ids[r], cohorts[r], ids, cohorts, f.c->n_residents) == 0 &&
            strcmp(f.c->residents[r].id, res->id) <= 0)
            r0 = r;
    int core = rp_model_facility(m, "core"), partner = rp_model_facility(m, "partner");
    int im = rp_facility_department(&m->facilities[core], "im-a");
    int surg = rp_facility_department(&m->facilities[core], "surgery");
    int psy = rp_facility_department(&m->facilities[partner], "psychiatry");
    assert_int_equal(f.standard[piece_at(f.t, r0, core, im, 1, 1)->col], RP_STANDARD_ON);
    assert_int_equal(f.standard[piece_at(f.t, r0, core, surg, 1, 1)->col], RP_STANDARD_OFF);
    assert_int_equal(f.standard[piece_at(f.t, r0, core, surg, 14, 14)->col], RP_STANDARD_ON);
    assert_int_equal(f.standard[piece_at(f.t, r0, core, surg, 60, 60)->col], RP_STANDARD_FREE);
    assert_int_equal(f.standard[piece_at(f.t, r0, partner, psy, 80, 80)->col], RP_STANDARD_ON);
    assert_int_equal(f.standard[piece_at(f.t, r0, core, surg, 80, 80)->col], RP_STANDARD_OFF);
    first_free(&f);
    /* a model that does not weigh its standard rotation has no standard columns */
    m->objective.standard = 0;
    first_init(&f, m);
    assert_null(f.standard);
    first_free(&f);
    rp_model_free(m);
}

/* What the two first plans came to (printed with the test's output). */
static void print_distances(long with, long without, const rp_first_stats *a,
                            const rp_first_stats *b)
{
    print_message("weeks off the standard rotation: %ld with the standard pool, %ld without; "
                  "steps %zu/%zu/%zu of %zu columns, %zu/%zu/%zu of %zu\n", with, without,
                  a->standard, a->pooled, a->whole, a->columns, b->standard, b->pooled, b->whole,
                  b->columns);
}

/* The week-based programme: in year 2 groups 0 and 3 both follow the partner in weeks 73-88 and
 * community medicine in 89-104, and each place holds 2 at once, so 2 of the 8 residents cannot
 * follow the pattern there (32 weeks each at the least). The standard pool plans the others on
 * it and the 2 by the fallback; every first plan satisfies every row and check. */
static void test_weeks_programme_first_plan_follows_standard(void **state)
{
    (void)state;
    rp_model *m = t_load_model(WEEKS_MODEL);
    first f;
    first_init(&f, m);
    rp_first_stats a = {0}, b = {0};
    long with = first_plan_distance(m, &f, true, &a);
    long without = first_plan_distance(m, &f, false, &b);
    print_distances(with, without, &a, &b);
    assert_int_equal(with, 2 * 32);
    assert_int_equal(a.standard, 6);         /* the others over the standard pool */
    assert_int_equal(a.pooled + a.whole, 2); /* the 2 the capacities push off it */
    assert_int_equal(b.standard, 0);
    assert_true(a.columns * 3 < b.columns * 2); /* the steps a third smaller at least */
    first_free(&f);
    rp_model_free(m);
}

/* The two-year model without its rotation unit (the free model of scripts/gen: pieces of 4 to 7
 * weeks where INIT-21 asks runs, one-week pieces elsewhere), its default cohort of 2 x 10. */
static void test_free_two_year_first_plan_follows_standard(void **state)
{
    (void)state;
    rp_model *m = t_load_model(INIT_MODEL);
    for (size_t i = 0; i < m->n_rules; i++)
        if (strcmp(m->rules[i].id, "EXAMPLE-01") == 0)
            m->rules[i].enabled = false;
    first f;
    first_init(&f, m);
    rp_first_stats a = {0}, b = {0};
    long with = first_plan_distance(m, &f, true, &a);
    long without = first_plan_distance(m, &f, false, &b);
    print_distances(with, without, &a, &b);
    assert_true(with * 100 <= 20 * 84); /* under 1% of the pattern's 84 weeks a resident */
    assert_true(a.standard >= 18);
    assert_int_equal(a.whole, 0);
    assert_int_equal(b.standard, 0);
    assert_true(a.columns * 2 < b.columns);
    first_free(&f);
    rp_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_standard_columns_marked),
        cmocka_unit_test(test_weeks_programme_first_plan_follows_standard),
        cmocka_unit_test(test_free_two_year_first_plan_follows_standard),
    };
    return T_RUN(tests);
}
