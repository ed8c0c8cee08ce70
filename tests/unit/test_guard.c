/*
 * test_guard.c: GLPK calls that a stop ends where GLPK calls no callback (solve/guard.h). With the
 * stop flag up, glp_simplex is left through the terminal hook at its first progress line, and
 * glp_free_env has released everything: GLPK then works again from a fresh environment (and ASan
 * finds no leak: make test-asan). Without a stop the guarded call gives GLPK's own answer. A time
 * limit is GLPK's own tm_lim too: a search stops there with its best plan, where the hook would
 * have jumped out of it.
 */
#include "support.h"

#include <glpk.h>
#include <math.h>
#include <stdlib.h>

#include "rotaplan/solve.h"
#include "solve/guard.h"

/* max x + y, x + 2y <= 4, 3x + y <= 6, x, y >= 0: optimum 2.8 at (1.6, 1.2). */
static glp_prob *small_lp(void)
{
    glp_prob *p = glp_create_prob();
    glp_set_obj_dir(p, GLP_MAX);
    glp_add_rows(p, 2);
    glp_add_cols(p, 2);
    glp_set_row_bnds(p, 1, GLP_UP, 0, 4);
    glp_set_row_bnds(p, 2, GLP_UP, 0, 6);
    for (int j = 1; j <= 2; j++) {
        glp_set_col_bnds(p, j, GLP_LO, 0, 0);
        glp_set_obj_coef(p, j, 1);
    }
    int ia[] = {0, 1, 1, 2, 2}, ja[] = {0, 1, 2, 1, 2};
    double ar[] = {0, 1, 2, 3, 1};
    glp_load_matrix(p, 4, ia, ja, ar);
    return p;
}

static void test_simplex_without_stop(void **state)
{
    (void)state;
    volatile sig_atomic_t flag = RP_STOP_NONE;
    rp_guard g;
    rp_guard_init(&g, &flag, 0);
    glp_prob *p = small_lp();
    glp_smcp parm;
    glp_init_smcp(&parm);
    rp_guard_smcp(&parm);
    assert_int_equal(rp_guard_simplex(&g, p, &parm), 0);
    assert_int_equal(glp_get_status(p), GLP_OPT);
    assert_true(fabs(glp_get_obj_val(p) - 2.8) < 1e-9);
    glp_delete_prob(p);
}

static void test_simplex_stopped(void **state)
{
    (void)state;
    volatile sig_atomic_t flag = RP_STOP_SIGNAL;
    rp_guard g;
    rp_guard_init(&g, &flag, 0);
    assert_int_equal(rp_guard_reason(&g), RP_STOP_SIGNAL);
    glp_prob *p = small_lp();
    glp_smcp parm;
    glp_init_smcp(&parm);
    rp_guard_smcp(&parm);
    assert_int_equal(rp_guard_simplex(&g, p, &parm), RP_GUARD_STOPPED);
    /* p went with GLPK's environment; a new problem solves as usual */
    flag = RP_STOP_NONE;
    p = small_lp();
    assert_int_equal(rp_guard_simplex(&g, p, &parm), 0);
    assert_true(fabs(glp_get_obj_val(p) - 2.8) < 1e-9);
    glp_delete_prob(p);
}

/* Jeroslow's problem: min x0 with 2 (x1 + ... + xn) + x0 = n, n odd, all binary. The optimum is
 * x0 = 1, but branch-and-bound proves it only after about 2^(n/2) nodes, the LP bound staying 0. */
static glp_prob *jeroslow(int n)
{
    glp_prob *p = glp_create_prob();
    glp_add_rows(p, 1);
    glp_add_cols(p, n + 1);
    glp_set_row_bnds(p, 1, GLP_FX, n, n);
    int *ind = malloc(((size_t)n + 2) * sizeof *ind);
    double *val = malloc(((size_t)n + 2) * sizeof *val);
    for (int j = 1; j <= n + 1; j++) {
        glp_set_col_kind(p, j, GLP_BV);
        ind[j] = j;
        val[j] = j == 1 ? 1 : 2;
    }
    glp_set_obj_coef(p, 1, 1);
    glp_set_mat_row(p, 1, n + 1, ind, val);
    free(ind);
    free(val);
    return p;
}

/* A callback that ends nothing: only says the search runs (as solve.c's does between nodes). */
static void tree_runs(glp_tree *tree, void *info)
{
    (void)tree;
    rp_guard_in_tree(info);
}

static void test_time_limit_ends_search_with_its_plan(void **state)
{
    (void)state;
    glp_prob *p = jeroslow(61);
    glp_smcp smcp;
    glp_init_smcp(&smcp);
    smcp.msg_lev = GLP_MSG_OFF;
    assert_int_equal(glp_simplex(p, &smcp), 0);
    rp_guard g;
    rp_guard_init(&g, NULL, 0.3);
    glp_iocp parm;
    glp_init_iocp(&parm);
    rp_guard_iocp(&parm);
    parm.cb_func = tree_runs;
    parm.cb_info = &g;
    int ret = rp_guard_intopt(&g, p, &parm);
    /* GLPK ended the search itself at the limit (the guard's deadline has passed by then): p is
     * still there, with the search's best plan if it found one; not a jump (RP_GUARD_STOPPED) */
    assert_int_equal(ret, GLP_ETMLIM);
    assert_int_equal(rp_guard_reason(&g), RP_STOP_TIME_LIMIT);
    int status = glp_mip_status(p);
    assert_true(status == GLP_FEAS || status == GLP_UNDEF);
    if (status == GLP_FEAS)
        assert_true(fabs(glp_mip_obj_val(p) - 1) < 1e-9);
    glp_delete_prob(p);
}

static void test_time_limit_reason(void **state)
{
    (void)state;
    rp_guard g;
    rp_guard_init(&g, NULL, 1e-9);
    while (rp_guard_now() <= g.deadline)
        ;
    assert_int_equal(rp_guard_reason(&g), RP_STOP_TIME_LIMIT);
    volatile sig_atomic_t flag = RP_STOP_TIME_LIMIT;
    rp_guard_init(&g, &flag, 0);
    assert_int_equal(rp_guard_reason(&g), RP_STOP_TIME_LIMIT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_simplex_without_stop),
        cmocka_unit_test(test_simplex_stopped),
        cmocka_unit_test(test_time_limit_reason),
        cmocka_unit_test(test_time_limit_ends_search_with_its_plan),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    glp_free_env();
    return failed;
}
