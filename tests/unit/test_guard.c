/*
 * test_guard.c: GLPK calls that a stop ends where GLPK calls no callback (solve/guard.h). With the
 * stop flag up, glp_simplex is left through the terminal hook at its first progress line, and
 * glp_free_env has released everything: GLPK then works again from a fresh environment (and ASan
 * finds no leak: make test-asan). Without a stop the guarded call gives GLPK's own answer. A time
 * limit is GLPK's own tm_lim too: a search stops there with its best plan, where the hook would
 * have jumped out of it.
 */
#include "randprob.h"
#include "support.h"

#include <glpk.h>
#include <math.h>
#include <stdlib.h>
#include <time.h>

#include "rotaplan/solve.h"
#include "solve/guard.h"
#include "solve/tap.h"

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

/* ---- a signal inside a long node LP, through rp_solve ----
 * The tap (solve/tap.h) plays the signal and the long node LP: at the first callback after the
 * search holds a plan better than the start, it raises the flag, lets the guard's patience pass
 * without a callback and prints through GLPK, as a node LP does every 5 s; the hook then leaves
 * the search by its jump, and GLPK's problem is gone. */
static const t_randprob_shape SIGNALLED = {14, 4, 104729u, 1, 20, 1, 2, 30};

typedef struct signaller {
    volatile sig_atomic_t flag;
    double start_value; /* the start plan's objective */
    bool fired;
    double objective;        /* the incumbent when the flag went up */
    double x[T_RP_MAX_N + 1]; /* and its values, when the tree works on our columns */
    bool own_columns;
    int accepted, rejected;  /* calls of the direct check */
    bool accept;             /* what the direct check says */
} signaller;

static void signal_in_node_lp(void *ctx, glp_tree *tree)
{
    signaller *s = ctx;
    glp_prob *p = glp_ios_get_prob(tree);
    if (s->fired || glp_mip_status(p) != GLP_FEAS || !(glp_mip_obj_val(p) > s->start_value + 0.5))
        return;
    s->fired = true;
    s->objective = glp_mip_obj_val(p);
    for (int j = 1; s->own_columns && j <= glp_get_num_cols(p); j++)
        s->x[j] = round(glp_mip_col_val(p, j));
    s->flag = RP_STOP_SIGNAL;
    struct timespec pause = {0, (long)((RP_GUARD_PATIENCE + 0.1) * 1e9)};
    nanosleep(&pause, NULL);
    glp_printf("a node LP still runs\n"); /* the hook jumps from here */
    fail_msg("the guard did not leave the search");
}

static bool direct_check(void *ctx, const double *x)
{
    signaller *s = ctx;
    (void)x;
    if (s->accept)
        s->accepted++;
    else
        s->rejected++;
    return s->accept;
}

/* The problem of seed 1, the search from the empty plan (presolve off, the callback's cuts). */
static void signalled_from_start(signaller *s, rp_solve_result *res, t_randprob *pb)
{
    t_randprob_make(&SIGNALLED, 1, pb);
    rp_ilp *ilp = t_randprob_ilp(pb);
    double start[T_RP_MAX_N] = {0};
    rp_first_plan first = {NULL, NULL, 0, direct_check, s, NULL, NULL, NULL};
    rp_solve_options opt = {0, 0, false, &s->flag, &first, start};
    rp_solve_tap tap = {signal_in_node_lp, s};
    rp_diags d = RP_DIAGS_INIT;
    s->own_columns = true;
    assert_int_equal(rp_solve_tapped(ilp, &opt, &tap, res, &d), 0);
    assert_true(s->fired);
    /* a plan, not proven, and the signal said */
    assert_int_equal(res->status, RP_SOLVE_FEASIBLE);
    assert_true(res->interrupted);
    assert_false(res->time_limit_hit);
    rp_diags_free(&d);
    rp_ilp_free(ilp);
}

/* The plan of res as a mask, after checking it is 0/1 and keeps every row. */
static unsigned plan_mask(const t_randprob *pb, const rp_solve_result *res)
{
    unsigned mask = 0;
    assert_non_null(res->x);
    for (int j = 0; j < pb->n; j++) {
        assert_true(res->x[j] == 0 || res->x[j] == 1);
        mask |= (res->x[j] == 1 ? 1u : 0u) << j;
    }
    assert_true(t_randprob_feasible(pb, mask));
    assert_true(fabs(res->objective - t_randprob_value(pb, mask)) < 1e-9);
    return mask;
}

static void test_signal_in_node_lp_keeps_incumbent(void **state)
{
    (void)state;
    signaller s = {.start_value = 0, .accept = true};
    rp_solve_result res;
    t_randprob pb;
    signalled_from_start(&s, &res, &pb);
    /* the better plan GLPK had found, not the start; checked once */
    plan_mask(&pb, &res);
    assert_true(fabs(res.objective - s.objective) < 1e-9);
    for (int j = 0; j < pb.n; j++)
        assert_true(res.x[j] == s.x[j + 1]);
    assert_true(res.objective > s.start_value);
    assert_int_equal(s.accepted, 1);
    rp_solve_result_free(&res);
}

static void test_signal_in_node_lp_plan_checked(void **state)
{
    (void)state;
    signaller s = {.start_value = 0, .accept = false};
    rp_solve_result res;
    t_randprob pb;
    signalled_from_start(&s, &res, &pb);
    /* the direct check refused the incumbent: the start stands */
    assert_int_equal(s.rejected, 1);
    assert_int_equal(plan_mask(&pb, &res), 0);
    rp_solve_result_free(&res);
}

/* With GLPK's presolver (the probe before a first plan): the tree works on GLPK's own copy, and
 * GLPK puts each better plan into our problem, in our columns; the plan kept is taken there. */
static void test_signal_in_presolved_search(void **state)
{
    (void)state;
    signaller s = {.start_value = 0, .accept = true};
    t_randprob pb;
    t_randprob_make(&SIGNALLED, 2, &pb);
    rp_ilp *ilp = t_randprob_ilp(&pb);
    rp_first_plan first = {NULL, NULL, 0, direct_check, &s, NULL, NULL, NULL};
    rp_solve_options opt = {0, 0, false, &s.flag, &first, NULL};
    rp_solve_tap tap = {signal_in_node_lp, &s};
    rp_diags d = RP_DIAGS_INIT;
    rp_solve_result res;
    assert_int_equal(rp_solve_tapped(ilp, &opt, &tap, &res, &d), 0);
    assert_true(s.fired);
    assert_int_equal(res.status, RP_SOLVE_FEASIBLE);
    assert_true(res.interrupted);
    plan_mask(&pb, &res);
    assert_true(res.objective >= s.objective - 1e-9);
    assert_true(res.objective <= t_randprob_best(&pb, 0, 0) + 1e-9);
    assert_int_equal(s.accepted, 1);
    rp_solve_result_free(&res);
    rp_diags_free(&d);
    rp_ilp_free(ilp);
}

/* A what-if's repair (rp_solve_partial, GLPK's presolver, some columns fixed): the same signal
 * inside a long node LP; the repair gives the plan GLPK had found before it, in every row's
 * keeping, where it gave none before. */
static void test_signal_in_repair_keeps_incumbent(void **state)
{
    (void)state;
    signaller s = {.start_value = 0, .accept = true};
    t_randprob pb;
    t_randprob_make(&SIGNALLED, 1, &pb);
    rp_ilp *ilp = t_randprob_ilp(&pb);
    double fixed[T_RP_MAX_N];
    for (int j = 0; j < pb.n; j++)
        fixed[j] = j == 0 ? 0 : NAN; /* column 0 held at 0, the rest planned again */
    rp_solve_options opt = {0, 0, false, &s.flag, NULL, NULL};
    rp_solve_tap tap = {signal_in_node_lp, &s};
    double *x = NULL;
    assert_int_equal(rp_solve_partial_tapped(ilp, fixed, &opt, &tap, &x), 0);
    assert_true(s.fired);
    assert_non_null(x);
    unsigned mask = 0;
    for (int j = 0; j < pb.n; j++) {
        assert_true(x[j] == 0 || x[j] == 1);
        mask |= (x[j] == 1 ? 1u : 0u) << j;
    }
    assert_true(t_randprob_feasible(&pb, mask));
    assert_int_equal(mask & 1u, 0u);
    assert_true(fabs(t_randprob_value(&pb, mask) - s.objective) < 1e-9);
    free(x);
    rp_ilp_free(ilp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_simplex_without_stop),
        cmocka_unit_test(test_simplex_stopped),
        cmocka_unit_test(test_time_limit_reason),
        cmocka_unit_test(test_time_limit_ends_search_with_its_plan),
        cmocka_unit_test(test_signal_in_node_lp_keeps_incumbent),
        cmocka_unit_test(test_signal_in_node_lp_plan_checked),
        cmocka_unit_test(test_signal_in_presolved_search),
        cmocka_unit_test(test_signal_in_repair_keeps_incumbent),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    glp_free_env();
    return failed;
}
