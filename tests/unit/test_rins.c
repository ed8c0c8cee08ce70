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
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    assert_int_equal(glp_simplex(lp, &parm), 0);
    assert_int_equal(glp_get_status(lp), GLP_OPT);
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
