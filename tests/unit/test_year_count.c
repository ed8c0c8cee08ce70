/*
 * test_year_count.c: the balance term's whole-year counts (src/translate/objective.c,
 * year_count): an integer column per partner and calendar year, equal to the pieces at that
 * partner that cover the whole year. Tested on a programme of another shape than the radiology
 * one (tests/fixtures/balance-years.yaml: two years from October, three partners), where the
 * counts exist: their rows hold exactly those pieces, the solved plan's counts are the residents
 * there for the whole year as the decoded plan says, and the optimum equals the plain model's,
 * which has no whole-year piece and so no count.
 */
#include "support.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rotaplan/calendar.h"
#include "rotaplan/check.h"
#include "rotaplan/solve.h"
#include "rotaplan/translate.h"
#include "util/util.h"

#define MODEL "tests/fixtures/balance-years.yaml"
#define RESIDENTS "tests/fixtures/balance-residents.yaml"

static rp_translation *translate(const rp_model *m, const rp_cohort *c, bool plain)
{
    rp_translate_options opt = {plain, false, false, false, false, NULL, NULL};
    rp_translation *t = NULL;
    rp_diags d = RP_DIAGS_INIT;
    assert_int_equal(rp_translate(m, c, &opt, &t, &d), 0);
    assert_int_equal(t->n_uncovered, 0);
    rp_diags_free(&d);
    return t;
}

/* Whether column col is a count; then its facility and calendar year. */
static bool count_col(const rp_ilp *ilp, int col, int *f, long *year)
{
    return sscanf(rp_ilp_col_name(ilp, col), "count_f%d_y%ld", f, year) == 2;
}

/* The row named as the count column (year_count names both alike), or -1. */
static int row_named(const rp_ilp *ilp, const char *name)
{
    for (size_t i = 0; i < rp_ilp_n_rows(ilp); i++)
        if (strcmp(rp_ilp_row_name(ilp, (int)i), name) == 0)
            return (int)i;
    return -1;
}

/* Whether slots first..last of resident r's calendar cover calendar year `year` of the model. */
static bool covers_year(const rp_model *m, int cohort, int first, int last, long year)
{
    long from = year * m->calendar.periods_per_year, to = from + m->calendar.periods_per_year - 1;
    return rp_slot(m, cohort, first) <= from && rp_slot(m, cohort, last) >= to;
}

/* The pieces at facility f that cover the whole year, over every resident. */
static size_t pieces_covering(const rp_translation *t, int f, long year)
{
    size_t count = 0;
    for (size_t r = 0; r < t->n_residents; r++) {
        size_t n;
        const rp_piece *pc = rp_space_pieces(t->space, r, &n);
        for (size_t i = 0; i < n; i++)
            count += pc[i].facility == f && covers_year(t->model, t->cohort->residents[r].cohort,
                                                        pc[i].first, pc[i].last, year);
    }
    return count;
}

/* Whether column col is a piece of facility f covering the year. */
static bool is_covering_piece(const rp_translation *t, int col, int f, long year)
{
    for (size_t r = 0; r < t->n_residents; r++) {
        size_t n;
        const rp_piece *pc = rp_space_pieces(t->space, r, &n);
        for (size_t i = 0; i < n; i++)
            if (pc[i].col == col)
                return pc[i].facility == f && covers_year(t->model, t->cohort->residents[r].cohort,
                                                          pc[i].first, pc[i].last, year);
    }
    return false;
}

/* Every count's row: +1 on the count, -1 on each piece of its facility covering its year and
 * on nothing else, = 0; the count an integer column of at most that many. Three partners, three
 * calendar years (the two cohorts' years overlap in one): nine counts. */
static void test_count_rows(void **state)
{
    (void)state;
    rp_model *m = t_load_model(MODEL);
    rp_cohort *c = t_load_cohort(m, RESIDENTS);
    rp_translation *t = translate(m, c, false);
    const rp_ilp *ilp = t->ilp;
    int counts = 0;
    for (size_t j = 0; j < rp_ilp_n_cols(ilp); j++) {
        int f;
        long year;
        if (!count_col(ilp, (int)j, &f, &year))
            continue;
        counts++;
        assert_int_equal(rp_ilp_col_kind(ilp, (int)j), RP_COL_INTEGER);
        int row = row_named(ilp, rp_ilp_col_name(ilp, (int)j));
        assert_true(row >= 0);
        assert_int_equal(rp_ilp_row_sense(ilp, row), RP_EQ);
        assert_true(fabs(rp_ilp_row_rhs(ilp, row)) < 1e-12);
        const int *col;
        const double *coef;
        size_t len;
        rp_ilp_row_terms(ilp, row, &col, &coef, &len);
        size_t pieces = 0;
        for (size_t k = 0; k < len; k++) {
            if (col[k] == (int)j) {
                assert_true(fabs(coef[k] - 1) < 1e-12);
                continue;
            }
            assert_true(fabs(coef[k] + 1) < 1e-12);
            assert_true(is_covering_piece(t, col[k], f, year));
            pieces++;
        }
        assert_int_equal(pieces, pieces_covering(t, f, year));
        assert_true(pieces >= 2);
        double lb, ub;
        rp_ilp_col_bounds(ilp, (int)j, &lb, &ub);
        assert_true(lb == 0 && ub == (double)pieces);
    }
    assert_int_equal(counts, 9);
    rp_translation_free(t);
    rp_cohort_free(c);
    rp_model_free(m);
}

typedef struct solved {
    rp_translation *t;
    double *x;
    double objective;
    rp_plan *plan;
} solved;

static solved solve(const rp_model *m, const rp_cohort *c, bool plain)
{
    solved s = {translate(m, c, plain), NULL, 0, NULL};
    rp_solve_options opt = {60, 0, false, NULL, NULL, NULL};
    rp_solve_result res;
    rp_diags d = RP_DIAGS_INIT;
    assert_int_equal(rp_solve(s.t->ilp, &opt, &res, &d), 0);
    assert_int_equal(res.status, RP_SOLVE_OPTIMAL);
    s.objective = res.objective;
    assert_int_equal(rp_decode(s.t, res.x, &s.plan, &d), 0);
    s.x = res.x;
    res.x = NULL;
    rp_solve_result_free(&res);
    rp_diags_free(&d);
    return s;
}

static void solved_free(solved *s)
{
    free(s->x);
    rp_plan_free(s->plan);
    rp_translation_free(s->t);
}

static void expect_compliant(const rp_model *m, const rp_cohort *c, const rp_plan *p)
{
    rp_findings f = RP_FINDINGS_INIT;
    rp_diags d = RP_DIAGS_INIT;
    assert_int_equal(rp_check_plan(m, c, p, &f, &d), 0);
    assert_int_equal(rp_findings_count(&f, RP_LEVEL_VIOLATION), 0);
    rp_findings_free(&f);
    rp_diags_free(&d);
}

/* The residents whose block stints at facility f cover calendar year `year`, from the plan. */
static int residents_for_the_year(const rp_model *m, const rp_plan *p, int f, long year)
{
    int n = 0;
    for (size_t i = 0; i < p->n_stints; i++) {
        const rp_stint *s = &p->stints[i];
        n += s->mode == RP_MODE_BLOCK && s->facility == f &&
             covers_year(m, p->residents[s->resident].cohort, s->first, s->last, year);
    }
    return n;
}

/* The solved counts are what the decoded plan says (every plan fixes them); the plan passes the
 * rules' direct checks; the plain model, without counts, reaches the same optimum. */
static void test_counts_of_the_plan(void **state)
{
    (void)state;
    rp_model *m = t_load_model(MODEL);
    rp_cohort *c = t_load_cohort(m, RESIDENTS);
    solved shaped = solve(m, c, false), plain = solve(m, c, true);
    expect_compliant(m, c, shaped.plan);
    expect_compliant(m, c, plain.plan);
    assert_true(fabs(shaped.objective - plain.objective) < 1e-6);
    int seen = 0, nonzero = 0;
    for (size_t j = 0; j < rp_ilp_n_cols(shaped.t->ilp); j++) {
        int f;
        long year;
        if (!count_col(shaped.t->ilp, (int)j, &f, &year))
            continue;
        seen++;
        int value = (int)lround(shaped.x[j]);
        assert_int_equal(value, residents_for_the_year(m, shaped.plan, f, year));
        nonzero += value > 0;
    }
    assert_int_equal(seen, 9);
    assert_true(nonzero >= 3); /* ten partner years over three partners */
    for (size_t j = 0; j < rp_ilp_n_cols(plain.t->ilp); j++) {
        int f;
        long year;
        assert_false(count_col(plain.t->ilp, (int)j, &f, &year));
    }
    solved_free(&shaped);
    solved_free(&plain);
    rp_cohort_free(c);
    rp_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_count_rows),
        cmocka_unit_test(test_counts_of_the_plan),
    };
    return t_run("test_year_count", tests, sizeof tests / sizeof tests[0]);
}
