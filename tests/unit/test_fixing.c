/*
 * test_fixing.c: reduced-cost fixing at an LP optimum (solve/fixing.h). On small random
 * problems (a fixed generator, so the same problems every run), 0/1 ones and ones of general
 * integers in [0, 3], whose every integer point is enumerated:
 * - every feasible point as good as the best plan given keeps the moved bounds, for the
 *   enumerated optimum as that plan and for worse ones;
 * - the LP optimum stays optimal at the same value, also when solved again;
 * - bounds do move, upper bounds at columns nonbasic at 0 and lower bounds at columns nonbasic
 *   at their upper bound, so the checks above are not vacuous.
 */
#include "randprob.h"
#include "support.h"

#include <glpk.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "solve/fixing.h"

enum { N = 6, M = 3, TOP = 3, PROBLEMS = 40 };

/* max c x, a x <= b, x integer in [0, top]^n (top 1: 0/1). */
typedef struct problem {
    int n, m, top;
    int a[M][N], b[M], c[N];
} problem;

static void draw(unsigned seed, int top, problem *q)
{
    unsigned s = seed * 7919u;
    q->n = N;
    q->m = M;
    q->top = top;
    for (int i = 0; i < M; i++) {
        int sum = 0;
        for (int j = 0; j < N; j++) {
            q->a[i][j] = 1 + (int)(t_draw(&s) % 9u);
            sum += q->a[i][j];
        }
        q->b[i] = top * sum / 2;
    }
    for (int j = 0; j < N; j++)
        q->c[j] = 1 + (int)(t_draw(&s) % 20u);
}

static glp_prob *to_glpk(const problem *q)
{
    glp_prob *p = glp_create_prob();
    glp_set_obj_dir(p, GLP_MAX);
    glp_add_rows(p, q->m);
    glp_add_cols(p, q->n);
    for (int j = 1; j <= q->n; j++) {
        glp_set_col_kind(p, j, GLP_IV);
        glp_set_col_bnds(p, j, GLP_DB, 0, q->top);
        glp_set_obj_coef(p, j, q->c[j - 1]);
    }
    for (int i = 1; i <= q->m; i++) {
        int ind[N + 1];
        double val[N + 1];
        for (int j = 1; j <= q->n; j++) {
            ind[j] = j;
            val[j] = q->a[i - 1][j - 1];
        }
        glp_set_mat_row(p, i, q->n, ind, val);
        glp_set_row_bnds(p, i, GLP_UP, 0, q->b[i - 1]);
    }
    return p;
}

/* The point of number code (base top + 1, column 0 first) into x. */
static void point(const problem *q, long code, int *x)
{
    for (int j = 0; j < q->n; j++) {
        x[j] = (int)(code % (q->top + 1));
        code /= q->top + 1;
    }
}

static long n_points(const problem *q)
{
    long count = 1;
    for (int j = 0; j < q->n; j++)
        count *= q->top + 1;
    return count;
}

/* The point's objective, or -1 when a row does not keep it. */
static int value(const problem *q, const int *x)
{
    int v = 0;
    for (int i = 0; i < q->m; i++) {
        int lhs = 0;
        for (int j = 0; j < q->n; j++)
            lhs += q->a[i][j] * x[j];
        if (lhs > q->b[i])
            return -1;
    }
    for (int j = 0; j < q->n; j++)
        v += q->c[j] * x[j];
    return v;
}

static int optimum(const problem *q)
{
    int best = -1, x[N] = {0};
    for (long code = 0; code < n_points(q); code++) {
        point(q, code, x);
        int v = value(q, x);
        if (v > best)
            best = v;
    }
    return best;
}

/* Whether every feasible point of objective best or more lies within p's column bounds. */
static bool keeps_the_good_points(const problem *q, glp_prob *p, int best)
{
    int x[N] = {0};
    for (long code = 0; code < n_points(q); code++) {
        point(q, code, x);
        if (value(q, x) < best)
            continue;
        for (int j = 0; j < q->n; j++)
            if (x[j] < glp_get_col_lb(p, j + 1) - 1e-9 || x[j] > glp_get_col_ub(p, j + 1) + 1e-9)
                return false;
    }
    return true;
}

typedef struct tally {
    int moved, lowered_ub, raised_lb;
} tally;

/* One problem, fixed for a plan of objective best: the checks of the file's comment. */
static void fix_and_check(const problem *q, int best, tally *t)
{
    glp_prob *p = to_glpk(q);
    double z = t_lp_optimum(p);
    int moved = rp_fix_by_reduced_cost(p, best);
    assert_int_equal(glp_get_status(p), GLP_OPT);
    assert_true(fabs(glp_get_obj_val(p) - z) < 1e-9);
    assert_true(keeps_the_good_points(q, p, best));
    for (int j = 1; j <= q->n; j++) {
        t->lowered_ub += glp_get_col_ub(p, j) < q->top;
        t->raised_lb += glp_get_col_lb(p, j) > 0;
    }
    t->moved += moved;
    assert_true(fabs(t_lp_optimum(p) - z) < 1e-7); /* the same optimum from the bounds moved */
    glp_delete_prob(p);
}

static void run(int top)
{
    tally t = {0};
    for (unsigned seed = 1; seed <= PROBLEMS; seed++) {
        problem q;
        draw(seed, top, &q);
        int best = optimum(&q);
        fix_and_check(&q, best, &t);         /* the optimum known */
        fix_and_check(&q, best * 9 / 10, &t); /* a worse plan known: less moves */
        fix_and_check(&q, 0, &t);             /* the empty plan */
    }
    assert_true(t.moved > 0);
    assert_true(t.lowered_ub > 0);
    assert_true(t.raised_lb > 0);
}

static void test_binary(void **state)
{
    (void)state;
    run(1);
}

static void test_general_integers(void **state)
{
    (void)state;
    run(TOP);
}

/* Nothing moves without an LP optimum or a plan. */
static void test_nothing_to_fix(void **state)
{
    (void)state;
    problem q;
    draw(1, 1, &q);
    glp_prob *p = to_glpk(&q);
    assert_int_equal(rp_fix_by_reduced_cost(p, 0), 0); /* not solved */
    t_lp_optimum(p);
    assert_int_equal(rp_fix_by_reduced_cost(p, -HUGE_VAL), 0);
    assert_int_equal(rp_fix_by_reduced_cost(p, glp_get_obj_val(p) + 1), 0); /* none that good */
    for (int j = 1; j <= q.n; j++)
        assert_int_equal(glp_get_col_type(p, j), GLP_DB);
    glp_delete_prob(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_binary),
        cmocka_unit_test(test_general_integers),
        cmocka_unit_test(test_nothing_to_fix),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
