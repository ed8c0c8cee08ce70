/*
 * test_gomory.c: the callback's cheap tableau rows, Gomory cuts and branching (solve/gomory.h).
 * On small random 0/1 problems (a fixed generator, so the same problems every run):
 * - every basic column's tableau row equals GLPK's glp_eval_tab_row, entry by entry;
 * - every cut a root round adds is violated by the LP optimum it was made from and kept by every
 *   0/1 point of the problem (enumerated);
 * - the root's rounds before a search (rp_gomory_root) lower the bound no further than the
 *   optimum, keep valid cuts only and leave an optimal basis; with the optimum known they fix
 *   columns, and the search still finds it;
 * - the branch-and-cut from a start plan, with these cuts and this branching (rp_solve), ends at
 *   the optimum that enumeration finds.
 */
#include "randprob.h"
#include "support.h"

#include <glpk.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rotaplan/solve.h"
#include "solve/gomory.h"
#include "translate/glpk_bridge.h"

enum { N = 11, M = 4, PROBLEMS = 12 };

/* max c x, a x <= b (each row about half its sum), x in {0,1}^N. */
static const t_randprob_shape SHAPE = {N, M, 1u, 0, 10, 1, 2, 20};

static glp_prob *to_glpk(const t_randprob *pb)
{
    glp_prob *p = glp_create_prob();
    glp_set_obj_dir(p, GLP_MAX);
    glp_add_rows(p, M);
    glp_add_cols(p, N);
    for (int j = 1; j <= N; j++) {
        glp_set_col_kind(p, j, GLP_BV);
        glp_set_obj_coef(p, j, pb->c[j - 1]);
    }
    for (int i = 1; i <= M; i++) {
        int ind[N + 1];
        double val[N + 1];
        for (int j = 1; j <= N; j++) {
            ind[j] = j;
            val[j] = pb->a[i - 1][j - 1];
        }
        glp_set_mat_row(p, i, N, ind, val);
        glp_set_row_bnds(p, i, GLP_UP, 0, pb->b[i - 1]);
    }
    return p;
}

static void test_tableau_rows(void **state)
{
    (void)state;
    int compared = 0;
    for (unsigned seed = 1; seed <= PROBLEMS; seed++) {
        t_randprob pb;
        t_randprob_make(&SHAPE, seed, &pb);
        glp_prob *p = to_glpk(&pb);
        t_lp_optimum(p);
        rp_gomory g = {0};
        for (int j = 1; j <= N; j++) {
            if (glp_get_col_stat(p, j) != GLP_BS)
                continue;
            int ind[M + N + 1];
            double val[M + N + 1], theirs[M + N + 1] = {0};
            int len = glp_eval_tab_row(p, M + j, ind, val);
            for (int t = 1; t <= len; t++)
                theirs[ind[t]] = val[t];
            int mine = rp_gomory_tableau_row(&g, p, j);
            double ours[M + N + 1] = {0};
            for (int t = 1; t <= mine; t++) {
                int k = g.touched[t];
                ours[k] = g.alfa[k];
                g.alfa[k] = 0;
            }
            for (int k = 1; k <= M + N; k++)
                assert_true(fabs(ours[k] - theirs[k]) < 1e-9);
            compared++;
        }
        rp_gomory_free(&g);
        glp_delete_prob(p);
    }
    assert_true(compared >= PROBLEMS); /* every problem has basic columns */
}

/* The root round's cuts, judged in the callback. */
typedef struct cut_check {
    const t_randprob *pb;
    rp_gomory g;
    int cuts;
} cut_check;

static void judge_cuts(glp_tree *tree, void *info)
{
    cut_check *cc = info;
    if (glp_ios_reason(tree) != GLP_ICUTGEN || cc->cuts > 0)
        return;
    glp_prob *p = glp_ios_get_prob(tree);
    int m0 = glp_get_num_rows(p);
    double x[N + 1];
    for (int j = 1; j <= N; j++)
        x[j] = glp_get_col_prim(p, j);
    int added = rp_gomory_round(&cc->g, tree);
    assert_int_equal(glp_get_num_rows(p), m0 + added);
    for (int r = m0 + 1; r <= m0 + added; r++) {
        int ind[N + 1];
        double val[N + 1], rhs = glp_get_row_lb(p, r);
        assert_int_equal(glp_get_row_type(p, r), GLP_LO);
        int len = glp_get_mat_row(p, r, ind, val);
        double at_lp = 0;
        for (int t = 1; t <= len; t++)
            at_lp += val[t] * x[ind[t]];
        assert_true(at_lp < rhs - 1e-6); /* it cuts the LP optimum off */
        for (unsigned mask = 0; mask < 1u << N; mask++) {
            if (!t_randprob_feasible(cc->pb, mask))
                continue;
            double lhs = 0;
            for (int t = 1; t <= len; t++)
                lhs += (mask >> (ind[t] - 1) & 1) ? val[t] : 0;
            assert_true(lhs >= rhs - 1e-7); /* and keeps every 0/1 point */
        }
    }
    cc->cuts += added;
}

static void test_cuts_valid(void **state)
{
    (void)state;
    int cuts = 0;
    for (unsigned seed = 1; seed <= PROBLEMS; seed++) {
        t_randprob pb;
        t_randprob_make(&SHAPE, seed, &pb);
        glp_prob *p = to_glpk(&pb);
        t_lp_optimum(p);
        cut_check cc = {&pb, {0}, 0};
        glp_iocp parm;
        glp_init_iocp(&parm);
        parm.msg_lev = GLP_MSG_OFF;
        parm.cb_func = judge_cuts;
        parm.cb_info = &cc;
        assert_int_equal(glp_intopt(p, &parm), 0);
        assert_int_equal(glp_mip_status(p), GLP_OPT);
        assert_int_equal((int)lround(glp_mip_obj_val(p)), t_randprob_best(&pb, 0, 0));
        rp_gomory_free(&cc.g);
        cuts += cc.cuts;
        glp_delete_prob(p);
    }
    assert_true(cuts > 0); /* some root was fractional and gave cuts */
}

/* Whether the row's cut (>= its lower bound) keeps every feasible 0/1 point of pb. */
static bool keeps_every_point(glp_prob *p, int r, const t_randprob *pb)
{
    int ind[N + 1];
    double val[N + 1], rhs = glp_get_row_lb(p, r);
    int len = glp_get_mat_row(p, r, ind, val);
    for (unsigned mask = 0; mask < 1u << N; mask++) {
        if (!t_randprob_feasible(pb, mask))
            continue;
        double lhs = 0;
        for (int t = 1; t <= len; t++)
            lhs += (mask >> (ind[t] - 1) & 1) ? val[t] : 0;
        if (lhs < rhs - 1e-7)
            return false;
    }
    return true;
}

/* The root's rounds before a search (rp_gomory_root): the LP bound does not rise and stays above
 * the enumerated optimum; every cut kept holds for every 0/1 point; p is left with an optimal
 * basis, from which glp_intopt (no presolve: it needs that) finds the optimum; the callback gives
 * the root no more rounds. A bound already at stop_at gets no round. */
static void test_root_rounds(void **state)
{
    (void)state;
    int moved = 0, kept = 0, fixed = 0;
    for (unsigned seed = 1; seed <= PROBLEMS; seed++) {
        t_randprob pb;
        t_randprob_make(&SHAPE, seed, &pb);
        int best = t_randprob_best(&pb, 0, 0);
        glp_prob *p = to_glpk(&pb);
        t_lp_optimum(p);
        double before = glp_get_obj_val(p);
        rp_guard guard;
        rp_guard_init(&guard, NULL, 0);
        rp_gomory g = {0};
        assert_int_equal(rp_gomory_root(&g, p, before, -HUGE_VAL, &guard), 0); /* already there */
        assert_int_equal(glp_get_num_rows(p), M);
        rp_gomory_free(&g);
        assert_int_equal(rp_gomory_root(&g, p, -HUGE_VAL, -HUGE_VAL, &guard), 0);
        assert_true(g.root_done);
        assert_int_equal(glp_get_status(p), GLP_OPT);
        double after = glp_get_obj_val(p);
        assert_true(after <= before + 1e-9);
        assert_true(after >= best - 1e-7);
        moved += after < before - 1e-9;
        for (int r = M + 1; r <= glp_get_num_rows(p); r++, kept++)
            assert_true(keeps_every_point(p, r, &pb));
        glp_iocp parm;
        glp_init_iocp(&parm);
        parm.msg_lev = GLP_MSG_OFF;
        assert_int_equal(glp_intopt(p, &parm), 0);
        assert_int_equal(glp_mip_status(p), GLP_OPT);
        assert_int_equal((int)lround(glp_mip_obj_val(p)), best);
        rp_gomory_free(&g);
        glp_delete_prob(p);
        /* with the optimum known, the rounds also fix columns (fixing.h): the search still
         * finds a plan that good */
        p = to_glpk(&pb);
        t_lp_optimum(p);
        assert_int_equal(rp_gomory_root(&g, p, -HUGE_VAL, best, &guard), 0);
        for (int j = 1; j <= N; j++)
            fixed += glp_get_col_type(p, j) == GLP_FX;
        assert_int_equal(glp_intopt(p, &parm), 0);
        assert_int_equal(glp_mip_status(p), GLP_OPT);
        assert_int_equal((int)lround(glp_mip_obj_val(p)), best);
        rp_gomory_free(&g);
        glp_delete_prob(p);
    }
    assert_true(moved > 0); /* some rounds moved a bound */
    assert_true(kept > 0);  /* and some cuts were kept, not all slack */
    assert_true(fixed > 0); /* and some columns were fixed */
}

/* rp_solve (the callback's cuts and branching) finds the enumerated optimum. */
static void test_solve_optimum(void **state)
{
    (void)state;
    for (unsigned seed = 1; seed <= PROBLEMS; seed++) {
        t_randprob pb;
        t_randprob_make(&SHAPE, seed, &pb);
        rp_ilp *ilp = t_randprob_ilp(&pb);
        /* from a start plan (every column 0, which every row keeps): the search with the
         * callback's cuts and branching (solve.c own_cuts_and_branching) */
        double start[N] = {0};
        rp_solve_options opt = {0, 0, false, NULL, NULL, start};
        rp_solve_result res;
        rp_diags d = RP_DIAGS_INIT;
        assert_int_equal(rp_solve(ilp, &opt, &res, &d), 0);
        assert_int_equal(res.status, RP_SOLVE_OPTIMAL);
        assert_int_equal((int)lround(res.objective), t_randprob_best(&pb, 0, 0));
        rp_solve_result_free(&res);
        rp_diags_free(&d);
        rp_ilp_free(ilp);
    }
}

int main(void)
{
    glp_term_out(GLP_OFF);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tableau_rows),
        cmocka_unit_test(test_cuts_valid),
        cmocka_unit_test(test_root_rounds),
        cmocka_unit_test(test_solve_optimum),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
