/*
 * test_solve.c: glp_intopt's return code and glp_mip_status mapped together, branch by branch
 * (glp_intopt returning 0 does not mean optimal), and the solver on problems built by hand:
 * an optimum, an infeasible problem, the time limit.
 */
#include "support.h"

#include <glpk.h>
#include <math.h>

#include "rotaplan/solve.h"

static void test_status_map(void **state)
{
    (void)state;
    bool tl, in;
    assert_int_equal(rp_solve_map_status(0, GLP_OPT, &tl, &in), RP_SOLVE_OPTIMAL);
    assert_false(tl);
    assert_int_equal(rp_solve_map_status(0, GLP_NOFEAS, &tl, &in), RP_SOLVE_INFEASIBLE);
    assert_int_equal(rp_solve_map_status(0, GLP_FEAS, &tl, &in), RP_SOLVE_FEASIBLE);
    assert_int_equal(rp_solve_map_status(0, GLP_UNDEF, &tl, &in), RP_SOLVE_ERROR);
    assert_int_equal(rp_solve_map_status(GLP_EMIPGAP, GLP_FEAS, &tl, &in), RP_SOLVE_OPTIMAL);
    assert_int_equal(rp_solve_map_status(GLP_ETMLIM, GLP_FEAS, &tl, &in), RP_SOLVE_FEASIBLE);
    assert_true(tl);
    assert_int_equal(rp_solve_map_status(GLP_ETMLIM, GLP_UNDEF, &tl, &in), RP_SOLVE_NO_PLAN);
    assert_int_equal(rp_solve_map_status(GLP_ESTOP, GLP_FEAS, &tl, &in), RP_SOLVE_FEASIBLE);
    assert_true(in);
    assert_false(tl);
    assert_int_equal(rp_solve_map_status(GLP_ESTOP, GLP_UNDEF, &tl, &in), RP_SOLVE_NO_PLAN);
    assert_int_equal(rp_solve_map_status(GLP_ENOPFS, GLP_UNDEF, &tl, &in), RP_SOLVE_INFEASIBLE);
    assert_int_equal(rp_solve_map_status(GLP_ENODFS, GLP_UNDEF, &tl, &in), RP_SOLVE_ERROR);
    assert_int_equal(rp_solve_map_status(GLP_EFAIL, GLP_UNDEF, &tl, &in), RP_SOLVE_ERROR);
    assert_int_equal(rp_solve_map_status(GLP_EBOUND, GLP_UNDEF, &tl, &in), RP_SOLVE_ERROR);
}

/* max x + 2y, x + y <= 1.5, binaries: optimum 2 at y = 1. */
static void test_small_optimum(void **state)
{
    (void)state;
    rp_ilp *ilp = rp_ilp_new();
    int x = rp_ilp_add_col(ilp, "x", RP_COL_BINARY, 0, 1);
    int y = rp_ilp_add_col(ilp, "y", RP_COL_BINARY, 0, 1);
    rp_ilp_add_obj(ilp, x, 1);
    rp_ilp_add_obj(ilp, y, 2);
    rp_expr e = {0};
    rp_expr_add(&e, x, 1);
    rp_expr_add(&e, y, 1);
    rp_row_tag tag = {RP_NONE, RP_NONE, RP_NONE, 0, 0};
    assert_int_equal(rp_ilp_add_row(ilp, "cap", &e, RP_LE, 1.5, tag), 0);
    rp_expr_clear(&e);
    rp_expr_add(&e, y, 1);
    rp_expr_add(&e, x, 1);
    /* the same row again is dropped; a row left with no column is judged at once */
    assert_int_equal(rp_ilp_add_row(ilp, "cap2", &e, RP_LE, 1.5, tag), RP_ROW_DUPLICATE);
    rp_expr_clear(&e);
    rp_expr_add(&e, x, 1);
    rp_expr_add(&e, x, -1);
    assert_int_equal(rp_ilp_add_row(ilp, "empty", &e, RP_GE, -1, tag), RP_ROW_HOLDS);
    assert_int_equal(rp_ilp_add_row(ilp, "never", &e, RP_GE, 1, tag), RP_ROW_VIOLATED);
    assert_int_equal(rp_ilp_n_violated(ilp), 1);
    assert_string_equal(rp_ilp_violated_name(ilp, 0), "never");
    rp_solve_options opt = {5, 0, false, NULL, NULL, NULL};
    rp_solve_result res;
    rp_diags d = RP_DIAGS_INIT;
    assert_int_equal(rp_solve(ilp, &opt, &res, &d), 0);
    assert_int_equal(res.status, RP_SOLVE_OPTIMAL);
    assert_true(fabs(res.objective - 2) < 1e-9);
    assert_true(fabs(res.x[y] - 1) < 1e-9 && fabs(res.x[x]) < 1e-9);
    rp_solve_result_free(&res);
    /* x + y >= 1.5 with x + y <= 1.5 and binaries: no integer point */
    rp_expr_clear(&e);
    rp_expr_add(&e, x, 1);
    rp_expr_add(&e, y, 1);
    assert_true(rp_ilp_add_row(ilp, "need", &e, RP_GE, 1.5, tag) >= 0);
    assert_int_equal(rp_solve(ilp, &opt, &res, &d), 0);
    assert_int_equal(res.status, RP_SOLVE_INFEASIBLE);
    assert_null(res.x);
    rp_expr_free(&e);
    rp_diags_free(&d);
    rp_ilp_free(ilp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_status_map),
        cmocka_unit_test(test_small_optimum),
    };
    return T_RUN(tests);
}
