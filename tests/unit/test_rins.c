/*
 * test_rins.c: the neighbourhood of the start plan searched before the search (solve/rins.h).
 * On small random 0/1 problems (a fixed generator, so the same problems every run), from two
 * start plans each (every column 0; a greedy plan):
 * - the plan found satisfies every row, its objective is the one reported, and it is the best
 *   0/1 point (enumerated) among those that keep every column where the start plan and the LP
 *   optimum agree; no plan is reported when that best is not above the start;
 * - with the columns grouped (residents), the plan found satisfies every row and is at least as
 *   good as without groups and at most the enumerated optimum of the whole problem;
 * - the residents' rounds free a column of no resident that sums residents' columns (a count),
 *   which fixed would keep the better plan out of reach.
 */
#include "randprob.h"
#include "support.h"

#include <glpk.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rotaplan/solve.h"
#include "solve/rins.h"
#include "translate/glpk_bridge.h"

enum { N = 12, M = 3, PROBLEMS = 16, GROUP = 3 };

/* max c x, a x <= b (each row about 40% of its sum), x in {0,1}^N. */
static const t_randprob_shape SHAPE = {N, M, 7919u, 1, 9, 2, 5, 15};

/* A greedy plan: columns in order, each taken while every row keeps. */
static unsigned greedy(const t_randprob *pb)
{
    unsigned mask = 0;
    for (int j = 0; j < N; j++)
        if (t_randprob_feasible(pb, mask | 1u << j))
            mask |= 1u << j;
    return mask;
}

static void to_values(unsigned mask, double *x) /* 1-based */
{
    x[0] = 0;
    for (int j = 0; j < N; j++)
        x[j + 1] = mask >> j & 1;
}

static glp_prob *solved_lp(const rp_ilp *ilp)
{
    glp_prob *lp = rp_ilp_to_glpk(ilp, NULL, NULL, RP_NONE);
    t_lp_optimum(lp);
    return lp;
}

/* Checks a plan rp_rins reported: 0/1, every row, the objective reported. Returns its mask. */
static unsigned judge_plan(const t_randprob *pb, const rp_ilp *ilp, const double *x,
                           double objective)
{
    unsigned mask = 0;
    for (int j = 0; j < N; j++) {
        assert_true(x[j + 1] == 0 || x[j + 1] == 1);
        mask |= (x[j + 1] == 1 ? 1u : 0u) << j;
    }
    assert_true(t_randprob_feasible(pb, mask));
    assert_true(fabs(objective - t_randprob_value(pb, mask)) < 1e-9);
    assert_true(fabs(rp_ilp_objective(ilp, x + 1) - objective) < 1e-9);
    return mask;
}

static void test_neighbourhood_optimum(void **state)
{
    (void)state;
    int improved = 0, not_improved = 0, narrower = 0;
    for (unsigned seed = 1; seed <= PROBLEMS; seed++) {
        t_randprob pb;
        t_randprob_make(&SHAPE, seed, &pb);
        rp_ilp *ilp = t_randprob_ilp(&pb);
        unsigned starts[2] = {0, greedy(&pb)};
        for (int k = 0; k < 2; k++) {
            glp_prob *lp = solved_lp(ilp);
            unsigned keep = 0; /* where the start plan and the LP optimum agree */
            for (int j = 0; j < N; j++)
                if (fabs(glp_get_col_prim(lp, j + 1) - (starts[k] >> j & 1)) <= 1e-6)
                    keep |= 1u << j;
            double start[N + 1], *better = NULL, objective = 0;
            to_values(starts[k], start);
            rp_guard g;
            rp_guard_init(&g, NULL, 0);
            int found = rp_rins(ilp, lp, start, t_randprob_value(&pb, starts[k]), NULL, 0, &g,
                                RP_RINS_NODES, &better, &objective);
            int expected = t_randprob_best(&pb, starts[k], keep);
            if (expected > t_randprob_value(&pb, starts[k])) {
                assert_int_equal(found, 1);
                unsigned mask = judge_plan(&pb, ilp, better, objective);
                assert_int_equal((int)lround(objective), expected);
                assert_int_equal(mask & keep, starts[k] & keep); /* inside the neighbourhood */
                improved++;
            } else {
                assert_int_equal(found, 0);
                not_improved++;
            }
            narrower += expected < t_randprob_best(&pb, 0, 0);
            free(better);
            glp_delete_prob(lp);
        }
        rp_ilp_free(ilp);
    }
    /* the problems exercise both outcomes, and neighbourhoods that miss the optimum */
    assert_true(improved > 0);
    assert_true(not_improved > 0);
    assert_true(narrower > 0);
}

static void test_residents_rounds(void **state)
{
    (void)state;
    int wider = 0;
    int group_of[N];
    for (int j = 0; j < N; j++)
        group_of[j] = j / GROUP;
    for (unsigned seed = 1; seed <= PROBLEMS; seed++) {
        t_randprob pb;
        t_randprob_make(&SHAPE, seed, &pb);
        rp_ilp *ilp = t_randprob_ilp(&pb);
        unsigned start_mask = greedy(&pb);
        double start[N + 1], *plain = NULL, *grouped = NULL, plain_obj = 0, grouped_obj = 0;
        to_values(start_mask, start);
        rp_guard g;
        rp_guard_init(&g, NULL, 0);
        glp_prob *lp = solved_lp(ilp);
        int start_value = t_randprob_value(&pb, start_mask);
        int f1 = rp_rins(ilp, lp, start, start_value, NULL, 0, &g, RP_RINS_NODES, &plain,
                         &plain_obj);
        int f2 = rp_rins(ilp, lp, start, start_value, group_of, N / GROUP, &g, RP_RINS_NODES,
                         &grouped, &grouped_obj);
        glp_delete_prob(lp);
        assert_true(f1 == 0 || f1 == 1);
        assert_true(f2 == 0 || f2 == 1);
        double base = f1 ? plain_obj : start_value;
        if (f1)
            judge_plan(&pb, ilp, plain, plain_obj);
        assert_true(f1 == 0 || f2 == 1); /* the groups' rounds come after the same rounds */
        if (f2) {
            judge_plan(&pb, ilp, grouped, grouped_obj);
            assert_true(grouped_obj >= base - 1e-9);
            assert_true(grouped_obj <= t_randprob_best(&pb, 0, 0) + 1e-9);
            wider += grouped_obj > base + 1e-9;
        }
        free(plain);
        free(grouped);
        rp_ilp_free(ilp);
    }
    assert_true(wider > 0); /* whole residents planned again reach further */
}

/* An LP "optimum" of n columns at the given values (1-based): a problem of fixed columns, solved,
 * then every column but those held (1-based flags, or NULL) given back its range [0, 3]; rp_rins
 * reads its columns' values and which are fixed (fixing.h: where no better plan moves them). */
static glp_prob *lp_at(const double *values, int n, const bool *held)
{
    glp_prob *lp = glp_create_prob();
    glp_add_cols(lp, n);
    for (int j = 1; j <= n; j++)
        glp_set_col_bnds(lp, j, GLP_FX, values[j], values[j]);
    t_lp_optimum(lp);
    for (int j = 1; j <= n; j++)
        if (!held || !held[j])
            glp_set_col_bnds(lp, j, GLP_DB, 0, 3); /* the values found stay */
    for (int j = 1; j <= n; j++)
        assert_true(glp_get_col_prim(lp, j) == values[j]);
    return lp;
}

/* The problem of test_rounds_free_counts and test_held_columns: columns a[r], b[r], the count n
 * into ids; group_of: each column's resident (the count: -1). */
static rp_ilp *three_residents(int *a, int *b, int *n, int *group_of)
{
    rp_ilp *ilp = rp_ilp_new();
    rp_expr e = {0};
    for (int r = 0; r < 3; r++) {
        char name[16];
        snprintf(name, sizeof name, "a%d", r);
        a[r] = rp_ilp_add_col(ilp, name, RP_COL_BINARY, 0, 1);
        snprintf(name, sizeof name, "b%d", r);
        b[r] = rp_ilp_add_col(ilp, name, RP_COL_BINARY, 0, 1);
        rp_ilp_add_obj(ilp, b[r], r == 0 ? 0.5 : 1);
        group_of[a[r]] = group_of[b[r]] = r;
        rp_expr_clear(&e);
        rp_expr_add(&e, a[r], 1);
        rp_expr_add(&e, b[r], 1);
        snprintf(name, sizeof name, "one%d", r);
        rp_row_tag tag = {RP_NONE, r, RP_NONE, 0, 0};
        assert_true(rp_ilp_add_row(ilp, name, &e, RP_EQ, 1, tag) >= 0);
    }
    *n = rp_ilp_add_col(ilp, "count", RP_COL_INTEGER, 0, 3);
    group_of[*n] = -1;
    rp_expr_clear(&e);
    rp_expr_add(&e, *n, 1);
    for (int r = 0; r < 3; r++)
        rp_expr_add(&e, a[r], -1);
    rp_row_tag tag = {RP_NONE, RP_NONE, RP_NONE, 0, 0};
    assert_true(rp_ilp_add_row(ilp, "count", &e, RP_EQ, 0, tag) >= 0);
    rp_expr_free(&e);
    return ilp;
}

/* The start plan and the LP's values of test_rounds_free_counts (1-based). */
static void three_residents_values(const int *a, const int *b, int n, double *start,
                                   double *lp_values)
{
    start[a[0] + 1] = start[a[1] + 1] = start[b[2] + 1] = 1;
    start[n + 1] = 2;
    lp_values[a[0] + 1] = 1;
    lp_values[a[1] + 1] = lp_values[b[1] + 1] = lp_values[a[2] + 1] = lp_values[b[2] + 1] = 0.5;
    lp_values[n + 1] = 2;
}

/* The residents' rounds free the columns of no resident. Three residents, each at a or b
 * (a_r + b_r = 1); a count n = a_0 + a_1 + a_2, an integer column of no resident (as the
 * balance term's whole-year counts are); the objective b_1 + b_2 + b_0 / 2. The start plan puts
 * r0 and r1 at a, r2 at b (n = 2, objective 1); the LP's values say r0 at a, r1 and r2 half
 * each, n = 2. r0 and n agree with the start, r1 and r2 do not. Around the start with r0 and n
 * fixed nothing is better (a_1 + a_2 = 1); planning r1 and r2 again whole, with n free, finds
 * both at b (n = 1, objective 2), the best with r0 where it is. */
static void test_rounds_free_counts(void **state)
{
    (void)state;
    int a[3], b[3], n, group_of[7];
    rp_ilp *ilp = three_residents(a, b, &n, group_of);
    double start[8] = {0}, lp_values[8] = {0};
    three_residents_values(a, b, n, start, lp_values);
    glp_prob *lp = lp_at(lp_values, 7, NULL);
    rp_guard g;
    rp_guard_init(&g, NULL, 0);
    double *plain = NULL, *grouped = NULL, plain_obj = 0, grouped_obj = 0;
    assert_int_equal(rp_rins(ilp, lp, start, 1, NULL, 0, &g, RP_RINS_NODES, &plain, &plain_obj),
                     0);
    assert_null(plain);
    assert_int_equal(rp_rins(ilp, lp, start, 1, group_of, 3, &g, RP_RINS_NODES, &grouped,
                             &grouped_obj),
                     1);
    assert_true(fabs(grouped_obj - 2) < 1e-9);
    assert_true(grouped[a[0] + 1] == 1 && grouped[b[1] + 1] == 1 && grouped[b[2] + 1] == 1);
    assert_true(grouped[n + 1] == 1);
    for (size_t i = 0; i < rp_ilp_n_rows(ilp); i++)
        assert_true(rp_ilp_row_holds(ilp, (int)i, grouped + 1, 1e-9));
    free(grouped);
    glp_delete_prob(lp);
    rp_ilp_free(ilp);
}

/* A column the LP holds fixed (reduced-cost fixing: no plan better than the start moves it)
 * stays fixed when its resident is planned again whole. test_rounds_free_counts's problem with
 * b_1 held at 0 in the LP (a_1 still at 0.5: r1 disagrees and is planned again): r1 stays at a,
 * r2 is at b already; no better plan. Free, b_1 would take r1 to b (objective 2). */
static void test_held_columns(void **state)
{
    (void)state;
    int a[3], b[3], n, group_of[7];
    rp_ilp *ilp = three_residents(a, b, &n, group_of);
    double start[8] = {0}, lp_values[8] = {0};
    three_residents_values(a, b, n, start, lp_values);
    lp_values[b[1] + 1] = 0;
    bool held[8] = {false};
    held[b[1] + 1] = true;
    glp_prob *lp = lp_at(lp_values, 7, held);
    rp_guard g;
    rp_guard_init(&g, NULL, 0);
    double *better = NULL, objective = 0;
    assert_int_equal(rp_rins(ilp, lp, start, 1, group_of, 3, &g, RP_RINS_NODES, &better,
                             &objective),
                     0);
    assert_null(better);
    glp_delete_prob(lp);
    rp_ilp_free(ilp);
}

int main(void)
{
    glp_term_out(GLP_OFF);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_neighbourhood_optimum),
        cmocka_unit_test(test_residents_rounds),
        cmocka_unit_test(test_rounds_free_counts),
        cmocka_unit_test(test_held_columns),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    glp_free_env();
    return failed;
}
