/*
 * test_rins.c: the neighbourhood of the start plan searched before the search (solve/rins.h).
 * On small random 0/1 problems (a fixed generator, so the same problems every run), from two
 * start plans each (every column 0; a greedy plan):
 * - the plan found satisfies every row, its objective is the one reported, and it is the best
 *   0/1 point (enumerated) among those that keep every column where the start plan and the LP
 *   optimum agree; no plan is reported when that best is not above the start;
 * - with the columns grouped (residents), the plan found satisfies every row and is at least as
 *   good as without groups and at most the enumerated optimum of the whole problem.
 */
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

typedef struct problem {
    int a[M][N];
    int b[M];
    int c[N];
} problem;

/* max c x, a x <= b (each row about 40% of its sum), x in {0,1}^N. */
static void make_problem(unsigned seed, problem *pb)
{
    unsigned s = seed * 7919u;
    for (int i = 0; i < M; i++) {
        int sum = 0;
        for (int j = 0; j < N; j++) {
            pb->a[i][j] = 1 + (int)(t_draw(&s) % 9);
            sum += pb->a[i][j];
        }
        pb->b[i] = 2 * sum / 5;
    }
    for (int j = 0; j < N; j++)
        pb->c[j] = 1 + (int)(t_draw(&s) % 15);
}

static rp_ilp *to_ilp(const problem *pb)
{
    rp_ilp *ilp = rp_ilp_new();
    char name[16];
    for (int j = 0; j < N; j++) {
        snprintf(name, sizeof name, "x%d", j);
        int col = rp_ilp_add_col(ilp, name, RP_COL_BINARY, 0, 1);
        rp_ilp_add_obj(ilp, col, pb->c[j]);
    }
    rp_row_tag tag = {RP_NONE, RP_NONE, RP_NONE, 0, 0};
    for (int i = 0; i < M; i++) {
        rp_expr e = {0};
        for (int j = 0; j < N; j++)
            rp_expr_add(&e, j, pb->a[i][j]);
        snprintf(name, sizeof name, "r%d", i);
        rp_ilp_add_row(ilp, name, &e, RP_LE, pb->b[i], tag);
        rp_expr_free(&e);
    }
    return ilp;
}

static bool feasible(const problem *pb, unsigned mask)
{
    for (int i = 0; i < M; i++) {
        int lhs = 0;
        for (int j = 0; j < N; j++)
            if (mask >> j & 1)
                lhs += pb->a[i][j];
        if (lhs > pb->b[i])
            return false;
    }
    return true;
}

static int value(const problem *pb, unsigned mask)
{
    int z = 0;
    for (int j = 0; j < N; j++)
        if (mask >> j & 1)
            z += pb->c[j];
    return z;
}

/* The best feasible 0/1 point whose bits in keep equal those of start (keep 0: the whole
 * problem). */
static int best_among(const problem *pb, unsigned start, unsigned keep)
{
    int best = -1;
    for (unsigned mask = 0; mask < 1u << N; mask++)
        if ((mask & keep) == (start & keep) && feasible(pb, mask) && value(pb, mask) > best)
            best = value(pb, mask);
    return best;
}

/* A greedy plan: columns in order, each taken while every row keeps. */
static unsigned greedy(const problem *pb)
{
    unsigned mask = 0;
    for (int j = 0; j < N; j++)
        if (feasible(pb, mask | 1u << j))
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
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    assert_int_equal(glp_simplex(lp, &parm), 0);
    assert_int_equal(glp_get_status(lp), GLP_OPT);
    return lp;
}

/* Checks a plan rp_rins reported: 0/1, every row, the objective reported. Returns its mask. */
static unsigned judge_plan(const problem *pb, const rp_ilp *ilp, const double *x,
                           double objective)
{
    unsigned mask = 0;
    for (int j = 0; j < N; j++) {
        assert_true(x[j + 1] == 0 || x[j + 1] == 1);
        mask |= (x[j + 1] == 1 ? 1u : 0u) << j;
    }
    assert_true(feasible(pb, mask));
    assert_true(fabs(objective - value(pb, mask)) < 1e-9);
    assert_true(fabs(rp_ilp_objective(ilp, x + 1) - objective) < 1e-9);
    return mask;
}

static void test_neighbourhood_optimum(void **state)
{
    (void)state;
    int improved = 0, not_improved = 0, narrower = 0;
    for (unsigned seed = 1; seed <= PROBLEMS; seed++) {
        problem pb;
        make_problem(seed, &pb);
        rp_ilp *ilp = to_ilp(&pb);
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
            int found = rp_rins(ilp, lp, start, value(&pb, starts[k]), NULL, 0, &g,
                                RP_RINS_NODES, &better, &objective);
            int expected = best_among(&pb, starts[k], keep);
            if (expected > value(&pb, starts[k])) {
                assert_int_equal(found, 1);
                unsigned mask = judge_plan(&pb, ilp, better, objective);
                assert_int_equal((int)lround(objective), expected);
                assert_int_equal(mask & keep, starts[k] & keep); /* inside the neighbourhood */
                improved++;
            } else {
                assert_int_equal(found, 0);
                not_improved++;
            }
            narrower += expected < best_among(&pb, 0, 0);
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
        problem pb;
        make_problem(seed, &pb);
        rp_ilp *ilp = to_ilp(&pb);
        unsigned start_mask = greedy(&pb);
        double start[N + 1], *plain = NULL, *grouped = NULL, plain_obj = 0, grouped_obj = 0;
        to_values(start_mask, start);
        rp_guard g;
        rp_guard_init(&g, NULL, 0);
        glp_prob *lp = solved_lp(ilp);
        int f1 = rp_rins(ilp, lp, start, value(&pb, start_mask), NULL, 0, &g, RP_RINS_NODES,
                         &plain, &plain_obj);
        int f2 = rp_rins(ilp, lp, start, value(&pb, start_mask), group_of, N / GROUP, &g,
                         RP_RINS_NODES, &grouped, &grouped_obj);
        glp_delete_prob(lp);
        assert_true(f1 == 0 || f1 == 1);
        assert_true(f2 == 0 || f2 == 1);
        double base = f1 ? plain_obj : value(&pb, start_mask);
        if (f1)
            judge_plan(&pb, ilp, plain, plain_obj);
        assert_true(f1 == 0 || f2 == 1); /* the groups' rounds come after the same rounds */
        if (f2) {
            judge_plan(&pb, ilp, grouped, grouped_obj);
            assert_true(grouped_obj >= base - 1e-9);
            assert_true(grouped_obj <= best_among(&pb, 0, 0) + 1e-9);
            wider += grouped_obj > base + 1e-9;
        }
        free(plain);
        free(grouped);
        rp_ilp_free(ilp);
    }
    assert_true(wider > 0); /* whole residents planned again reach further */
}

int main(void)
{
    glp_term_out(GLP_OFF);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_neighbourhood_optimum),
        cmocka_unit_test(test_residents_rounds),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    glp_free_env();
    return failed;
}
