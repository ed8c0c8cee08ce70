/*
 * test_solve.c: glp_intopt's return code and glp_mip_status mapped together, branch by branch
 * (glp_intopt returning 0 does not mean optimal), and the solver on problems built by hand:
 * an optimum, an infeasible problem, the time limit; the first plan built group by group
 * (rp_solve_sequential), in order and for a what-if's subset of residents, and over pools of
 * rotated blocks (rp_solve_sequential_pooled); the LP bound by column generation (rp_lp_bound);
 * a what-if's stage over its region only (rp_solve_region); the elastic solve's "no solution"
 * only when proven, not when its node budget ends first (rp_solve_elastic).
 */
#include "support.h"

#include <glpk.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rotaplan/solve.h"
#include "solve/tap.h"
#include "translate/glpk_bridge.h"

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

/* Three residents, two facilities of one place each plus an unlimited third, everyone prefers
 * facility 0 (weights 3, 2, 1 for facilities 0, 1, 2): x[r][f] binary, one facility each
 * (a resident's row), at most one resident at facilities 0 and 1 (rows over residents). */
typedef struct three {
    rp_ilp *ilp;
    int x[3][3];
} three;

static three three_residents(void)
{
    three t = {rp_ilp_new(), {{0}}};
    rp_expr e = {0};
    for (int r = 0; r < 3; r++) {
        rp_expr_clear(&e);
        for (int f = 0; f < 3; f++) {
            char name[32];
            snprintf(name, sizeof name, "x_%d_%d", r, f);
            t.x[r][f] = rp_ilp_add_col(t.ilp, name, RP_COL_BINARY, 0, 1);
            rp_ilp_add_obj(t.ilp, t.x[r][f], 3 - f);
            rp_expr_add(&e, t.x[r][f], 1);
        }
        rp_row_tag own = {RP_NONE, r, RP_NONE, 1, 1};
        char name[32];
        snprintf(name, sizeof name, "one_%d", r);
        assert_true(rp_ilp_add_row(t.ilp, name, &e, RP_EQ, 1, own) >= 0);
    }
    for (int f = 0; f < 2; f++) {
        rp_expr_clear(&e);
        for (int r = 0; r < 3; r++)
            rp_expr_add(&e, t.x[r][f], 1);
        rp_row_tag cap = {RP_NONE, RP_NONE, f, 1, 1};
        char name[32];
        snprintf(name, sizeof name, "cap_%d", f);
        assert_true(rp_ilp_add_row(t.ilp, name, &e, RP_LE, 1, cap) >= 0);
    }
    rp_expr_free(&e);
    return t;
}

static int facility_of(const three *t, const double *x, int r)
{
    int at = -1;
    for (int f = 0; f < 3; f++)
        if (x[t->x[r][f]] > 0.5) {
            assert_int_equal(at, -1); /* one facility */
            at = f;
        }
    return at;
}

/* Every resident a group, in order: each takes the best place the earlier ones left. */
static void test_sequential_in_order(void **state)
{
    (void)state;
    three t = three_residents();
    int g[3][3];
    const int *groups[3];
    size_t sizes[3] = {3, 3, 3};
    for (int r = 0; r < 3; r++) {
        for (int f = 0; f < 3; f++)
            g[r][f] = t.x[r][f];
        groups[r] = g[r];
    }
    rp_solve_options opt = {10, 0, false, NULL, NULL, NULL};
    double *x = NULL;
    assert_int_equal(rp_solve_sequential(t.ilp, groups, sizes, 3, &opt, &x), 0);
    assert_int_equal(facility_of(&t, x, 0), 0);
    assert_int_equal(facility_of(&t, x, 1), 1);
    assert_int_equal(facility_of(&t, x, 2), 2);
    free(x);
    rp_ilp_free(t.ilp);
}

/* A what-if's repair: resident 1 held at facility 0 by its bounds (no group of its own), a
 * column of resident 2 closed (bounds 0..0, fixed rather than double-bounded: GLPK refuses a
 * double-bounded column whose bounds meet), and the groups of residents 2 and 0 in that order.
 * Resident 2's rows must hold when it is planned first, though it is the third resident. */
static void test_sequential_subset_with_fixed_columns(void **state)
{
    (void)state;
    three t = three_residents();
    rp_ilp_set_col_bounds(t.ilp, t.x[1][0], 1, 1);
    rp_ilp_set_col_bounds(t.ilp, t.x[1][1], 0, 0);
    rp_ilp_set_col_bounds(t.ilp, t.x[1][2], 0, 0);
    rp_ilp_set_col_bounds(t.ilp, t.x[2][2], 0, 0);
    int g2[3] = {t.x[2][0], t.x[2][1], t.x[2][2]}, g0[3] = {t.x[0][0], t.x[0][1], t.x[0][2]};
    const int *groups[2] = {g2, g0};
    size_t sizes[2] = {3, 3};
    rp_solve_options opt = {10, 0, false, NULL, NULL, NULL};
    double *x = NULL;
    assert_int_equal(rp_solve_sequential(t.ilp, groups, sizes, 2, &opt, &x), 0);
    assert_int_equal(facility_of(&t, x, 1), 0);
    assert_int_equal(facility_of(&t, x, 2), 1); /* facility 0 is full, 2 is closed to it */
    assert_int_equal(facility_of(&t, x, 0), 2);
    for (size_t i = 0; i < rp_ilp_n_rows(t.ilp); i++)
        assert_true(rp_ilp_row_holds(t.ilp, (int)i, x, 1e-9));
    free(x);
    rp_ilp_free(t.ilp);
}

/* Residents who each hold one block a period over h periods, blocks of 1..len periods at any
 * of k places (a place holds cap residents a period), at least need periods at each of the
 * first `needed` places; resident r prefers place r mod k, and every block costs a little (fewer,
 * longer blocks). The columns of resident r are group r, with their shapes. */
typedef struct blocks {
    rp_ilp *ilp;
    int **groups;
    size_t *sizes;
    size_t n;
    rp_col_shape *shapes;
} blocks;

static void add_blocks_row(blocks *b, size_t r, rp_expr *e, rp_sense sense, double rhs, int place)
{
    rp_row_tag tag = {RP_NONE, (int)r, place, 1, 1};
    char name[48];
    snprintf(name, sizeof name, "row_%zu", rp_ilp_n_rows(b->ilp));
    assert_true(rp_ilp_add_row(b->ilp, name, e, sense, rhs, tag) >= 0);
    rp_expr_clear(e);
}

static blocks blocks_problem(size_t residents, int h, int k, int len, double cap, double need,
                             int needed)
{
    blocks b = {rp_ilp_new(), calloc(residents, sizeof(int *)), calloc(residents, sizeof(size_t)),
                residents, NULL};
    size_t n_cols = residents * (size_t)(h * k * len);
    b.shapes = calloc(n_cols + 1, sizeof *b.shapes);
    rp_expr e = {0};
    for (size_t r = 0; r < residents; r++) {
        b.groups[r] = malloc((size_t)(h * k * len) * sizeof(int));
        for (int f = 0; f < k; f++)
            for (int a = 1; a <= h; a++)
                for (int l = 1; l <= len && a + l - 1 <= h; l++) {
                    char name[48];
                    snprintf(name, sizeof name, "x_%zu_%d_%d_%d", r, f, a, l);
                    int c = rp_ilp_add_col(b.ilp, name, RP_COL_BINARY, 0, 1);
                    rp_ilp_add_obj(b.ilp, c, (f == (int)r % k ? 0.1 * l : 0) - 0.05);
                    b.shapes[c] = (rp_col_shape){f, a, a + l - 1};
                    b.groups[r][b.sizes[r]++] = c;
                }
        for (int p = 1; p <= h; p++) { /* one block a period */
            for (size_t i = 0; i < b.sizes[r]; i++) {
                const rp_col_shape *s = &b.shapes[b.groups[r][i]];
                if (s->first <= p && p <= s->last)
                    rp_expr_add(&e, b.groups[r][i], 1);
            }
            add_blocks_row(&b, r, &e, RP_EQ, 1, RP_NONE);
        }
        for (int f = 0; f < needed; f++) { /* at least need periods at place f */
            for (size_t i = 0; i < b.sizes[r]; i++) {
                const rp_col_shape *s = &b.shapes[b.groups[r][i]];
                if (s->kind == f)
                    rp_expr_add(&e, b.groups[r][i], s->last - s->first + 1);
            }
            add_blocks_row(&b, r, &e, RP_GE, need, f);
        }
    }
    for (int f = 0; f < k; f++)
        for (int p = 1; p <= h; p++) {
            for (size_t r = 0; r < residents; r++)
                for (size_t i = 0; i < b.sizes[r]; i++) {
                    const rp_col_shape *s = &b.shapes[b.groups[r][i]];
                    if (s->kind == f && s->first <= p && p <= s->last)
                        rp_expr_add(&e, b.groups[r][i], 1);
                }
            rp_row_tag tag = {RP_NONE, RP_NONE, f, p, p};
            char name[48];
            snprintf(name, sizeof name, "cap_%d_%d", f, p);
            assert_true(rp_ilp_add_row(b.ilp, name, &e, RP_LE, cap, tag) >= 0);
            rp_expr_clear(&e);
        }
    rp_expr_free(&e);
    return b;
}

static void blocks_free(blocks *b)
{
    for (size_t r = 0; r < b->n; r++)
        free(b->groups[r]);
    free(b->groups);
    free(b->sizes);
    free(b->shapes);
    rp_ilp_free(b->ilp);
}

/* The optimum of the LP relaxation, by GLPK's simplex over every column. */
static double relaxation(const rp_ilp *ilp)
{
    glp_prob *p = rp_ilp_to_glpk(ilp, NULL, NULL, RP_NONE);
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    assert_int_equal(glp_simplex(p, &parm), 0);
    assert_int_equal(glp_get_status(p), GLP_OPT);
    double z = glp_get_obj_val(p);
    glp_delete_prob(p);
    return z;
}

/* rp_lp_bound: run to its end, the relaxation's optimum (as GLPK's simplex over every column
 * finds it); stopped at once (enough = infinity), still a bound on it; and never below the best
 * plan. */
static void test_lp_bound(void **state)
{
    (void)state;
    blocks b = blocks_problem(3, 8, 3, 3, 2, 2, 2);
    rp_first_plan fp = {(const int *const *)b.groups, b.sizes, b.n, NULL, NULL, b.shapes, NULL, NULL};
    rp_solve_options opt = {0, 0, false, NULL, NULL, NULL};
    double *x = NULL;
    assert_int_equal(rp_solve_sequential(b.ilp, fp.groups, b.sizes, b.n, &opt, &x), 0);
    double lp = relaxation(b.ilp), bound = NAN, early = NAN;
    assert_int_equal(rp_lp_bound(b.ilp, &fp, x, -INFINITY, &opt, &bound), 0);
    assert_true(fabs(bound - lp) < 1e-6);
    assert_int_equal(rp_lp_bound(b.ilp, &fp, x, INFINITY, &opt, &early), 0);
    assert_true(early >= lp - 1e-6);
    rp_solve_result res;
    rp_diags d = {0};
    assert_int_equal(rp_solve(b.ilp, &opt, &res, &d), 0);
    assert_int_equal(res.status, RP_SOLVE_OPTIMAL);
    assert_true(bound >= res.objective - 1e-6);
    assert_true(rp_ilp_objective(b.ilp, x) <= res.objective + 1e-6);
    rp_solve_result_free(&res);
    rp_diags_free(&d);
    free(x);
    blocks_free(&b);
}

/* The first plan over pools (groups of more than 1,500 columns): every row holds, every resident
 * holds one block a period, and it is the same plan on a second run. */
static void test_sequential_pooled(void **state)
{
    (void)state;
    blocks b = blocks_problem(4, 24, 19, 5, 2, 3, 4);
    assert_true(b.sizes[0] > 1500);
    rp_solve_options opt = {0, 0, false, NULL, NULL, NULL};
    double *x = NULL, *again = NULL;
    assert_int_equal(rp_solve_sequential_pooled(b.ilp, (const int *const *)b.groups, b.sizes,
                                                b.n, b.shapes, true, &opt, &x),
                     0);
    for (size_t i = 0; i < rp_ilp_n_rows(b.ilp); i++)
        assert_true(rp_ilp_row_holds(b.ilp, (int)i, x, 1e-9));
    size_t n = rp_ilp_n_cols(b.ilp);
    for (size_t j = 0; j < n; j++)
        assert_true(x[j] == 0 || x[j] == 1);
    assert_int_equal(rp_solve_sequential_pooled(b.ilp, (const int *const *)b.groups, b.sizes,
                                                b.n, b.shapes, true, &opt, &again),
                     0);
    assert_memory_equal(x, again, n * sizeof *x);
    free(x);
    free(again);
    blocks_free(&b);
}

/* A what-if's stage over its region (rp_solve_region): resident 1 held at facility 0 by its
 * bounds, residents 0 and 2 free and starting at facility 2. Only their 6 columns are searched;
 * resident 1's take their start values, its own row (no region column) is left out, and the
 * capacity rows keep it on their right-hand side: facility 0 is full, so the region's best is
 * one of them at facility 1 and the other at 2. The result is in the whole problem's terms:
 * every column, every row holding, and the objective counting the held resident (3 + 2 + 1). */
static void test_region(void **state)
{
    (void)state;
    three t = three_residents();
    rp_ilp_set_col_bounds(t.ilp, t.x[1][0], 1, 1);
    rp_ilp_set_col_bounds(t.ilp, t.x[1][1], 0, 0);
    rp_ilp_set_col_bounds(t.ilp, t.x[1][2], 0, 0);
    size_t n = rp_ilp_n_cols(t.ilp);
    double *start = calloc(n, sizeof *start);
    start[t.x[1][0]] = 1;
    start[t.x[0][2]] = 1;
    start[t.x[2][2]] = 1;
    rp_solve_options opt = {10, 0, false, NULL, NULL, start};
    rp_solve_result res;
    rp_diags d = RP_DIAGS_INIT;
    size_t n_region = 0;
    assert_int_equal(rp_solve_region(t.ilp, &opt, &res, &n_region, &d), 0);
    assert_int_equal(n_region, 6);
    assert_int_equal(res.status, RP_SOLVE_OPTIMAL);
    assert_int_equal(res.n_cols, n);
    assert_true(fabs(res.objective - 6) < 1e-9);
    assert_true(fabs(res.bound - 6) < 1e-9);
    assert_true(fabs(rp_ilp_objective(t.ilp, res.x) - 6) < 1e-9);
    assert_int_equal(facility_of(&t, res.x, 1), 0);
    assert_int_equal(facility_of(&t, res.x, 0) + facility_of(&t, res.x, 2), 3); /* 1 and 2 */
    for (size_t i = 0; i < rp_ilp_n_rows(t.ilp); i++)
        assert_true(rp_ilp_row_holds(t.ilp, (int)i, res.x, 1e-9));
    rp_solve_result_free(&res);
    rp_diags_free(&d);
    free(start);
    rp_ilp_free(t.ilp);
}

/* The region's problem (rp_solve_reduce): residents 1 and 2 held, resident 0 free. Its 3
 * columns in order, its own row and the two capacity rows (the held residents on their right-hand
 * sides), none of the held residents' own rows, the held columns' objective in the constant.
 * With resident 1 held nowhere, its own row one_1 (no free column) fails: no problem at all
 * (NULL), as no plan holds it there. */
static void test_reduce(void **state)
{
    (void)state;
    three t = three_residents();
    size_t n = rp_ilp_n_cols(t.ilp);
    double *values = calloc(n, sizeof *values);
    for (int r = 1; r < 3; r++)
        for (int f = 0; f < 3; f++) {
            values[t.x[r][f]] = f == r ? 1 : 0; /* resident 1 at facility 1, 2 at 2 */
            rp_ilp_set_col_bounds(t.ilp, t.x[r][f], values[t.x[r][f]], values[t.x[r][f]]);
        }
    int *cols = NULL;
    size_t nc = 0;
    rp_ilp *sub = rp_solve_reduce(t.ilp, values, &cols, &nc);
    assert_non_null(sub);
    assert_int_equal(nc, 3);
    for (int f = 0; f < 3; f++)
        assert_int_equal(cols[f], t.x[0][f]);
    assert_int_equal(rp_ilp_n_cols(sub), 3);
    assert_int_equal(rp_ilp_n_rows(sub), 3); /* one_0, cap_0, cap_1 */
    assert_true(fabs(rp_ilp_obj_constant(sub) - (2 + 1)) < 1e-9);
    for (size_t i = 0; i < rp_ilp_n_rows(sub); i++)
        if (strcmp(rp_ilp_row_name(sub, (int)i), "cap_1") == 0)
            assert_true(fabs(rp_ilp_row_rhs(sub, (int)i)) < 1e-9); /* 1 - resident 1 */
    rp_ilp_free(sub);
    free(cols);
    /* resident 1 held nowhere: one_1 fails outside the region */
    for (int f = 0; f < 3; f++) {
        values[t.x[1][f]] = 0;
        rp_ilp_set_col_bounds(t.ilp, t.x[1][f], 0, 0);
    }
    cols = NULL;
    assert_null(rp_solve_reduce(t.ilp, values, &cols, &nc));
    assert_null(cols);
    free(values);
    rp_ilp_free(t.ilp);
}

/* A gap is printed with enough digits to show it is not zero (issue 16: "0.00%" for 0.0037%). */
static void test_gap_text(void **state)
{
    (void)state;
    char buf[32];
    rp_solve_gap_text(0, buf, sizeof buf);
    assert_string_equal(buf, "0.00%");
    rp_solve_gap_text(0.000037, buf, sizeof buf);
    assert_string_equal(buf, "0.0037%");
    rp_solve_gap_text(0.0123, buf, sizeof buf);
    assert_string_equal(buf, "1.23%");
    rp_solve_gap_text(0.5, buf, sizeof buf);
    assert_string_equal(buf, "50.00%");
    rp_solve_gap_text(2e-9, buf, sizeof buf);
    assert_string_equal(buf, "0.00000020%");
}

/* A stop flag raised before the solve: no search starts, the result says why (a signal, or the
 * time limit), and no plan is claimed. */
static void test_stop_before(void **state)
{
    (void)state;
    rp_ilp *ilp = rp_ilp_new();
    int x = rp_ilp_add_col(ilp, "x", RP_COL_BINARY, 0, 1);
    rp_ilp_add_obj(ilp, x, 1);
    volatile sig_atomic_t flag = RP_STOP_SIGNAL;
    rp_solve_options opt = {0, 0, false, &flag, NULL, NULL};
    rp_solve_result res;
    rp_diags d = RP_DIAGS_INIT;
    assert_int_equal(rp_solve(ilp, &opt, &res, &d), 0);
    assert_int_equal(res.status, RP_SOLVE_NO_PLAN);
    assert_true(res.interrupted);
    assert_false(res.time_limit_hit);
    assert_null(res.x);
    rp_solve_result_free(&res);
    flag = RP_STOP_TIME_LIMIT;
    assert_int_equal(rp_solve(ilp, &opt, &res, &d), 0);
    assert_int_equal(res.status, RP_SOLVE_NO_PLAN);
    assert_false(res.interrupted);
    assert_true(res.time_limit_hit);
    rp_solve_result_free(&res);
    flag = RP_STOP_NONE;
    assert_int_equal(rp_solve(ilp, &opt, &res, &d), 0);
    assert_int_equal(res.status, RP_SOLVE_OPTIMAL);
    assert_false(res.interrupted || res.time_limit_hit || res.budget_hit);
    rp_solve_result_free(&res);
    rp_diags_free(&d);
    rp_ilp_free(ilp);
}

/* Market-split rows (Cornuejols and Dawande): sum_j a_ij x_j = b_i over binaries, structural
 * (no rule's), b drawn from a point so that the rows hold together; and a rule's row that no
 * point keeps (sum x <= -1), so that the elastic solve has something to relax. Such rows are hard
 * for branch-and-bound: the first nodes find no point. */
static rp_ilp *market_split(unsigned seed)
{
    enum { N = 24, M = 3 };
    rp_ilp *ilp = rp_ilp_new();
    int x[N];
    for (int j = 0; j < N; j++) {
        char name[24];
        snprintf(name, sizeof name, "x%d", j);
        x[j] = rp_ilp_add_col(ilp, name, RP_COL_BINARY, 0, 1);
    }
    unsigned st = seed;
    bool point[N];
    for (int j = 0; j < N; j++)
        point[j] = t_draw(&st) % 2;
    rp_row_tag structural = {RP_NONE, RP_NONE, RP_NONE, 0, 0};
    for (int i = 0; i < M; i++) {
        rp_expr e = {0};
        double b = 0;
        for (int j = 0; j < N; j++) {
            int a = 1 + (int)(t_draw(&st) % 99);
            rp_expr_add(&e, x[j], a);
            b += point[j] ? a : 0;
        }
        char name[24];
        snprintf(name, sizeof name, "split%d", i);
        rp_ilp_add_row(ilp, name, &e, RP_EQ, b, structural);
        rp_expr_free(&e);
    }
    rp_expr e = {0};
    for (int j = 0; j < N; j++)
        rp_expr_add(&e, x[j], 1);
    rp_row_tag rule = {0, RP_NONE, RP_NONE, 0, 0};
    rp_ilp_add_row(ilp, "rule", &e, RP_LE, -1, rule);
    rp_expr_free(&e);
    return ilp;
}

/* The elastic solve says "no solution" (-1, which the explanation reads as the structure's
 * conflict) only when GLPK proved it: when its node budget ends the search before it finds a
 * solution, it says so (-3). With the budget lifted the same rows have a solution, and the rule
 * is the one relaxed; rows no binary point keeps are proven to have none. */
static void test_elastic_budget(void **state)
{
    (void)state;
    rp_ilp *ilp = market_split(7);
    int *rows = NULL;
    size_t n = 0;
    double *x = NULL;
    assert_int_equal(rp_solve_elastic_within(ilp, 60, 1, &rows, &n, &x), -3);
    assert_null(x);
    assert_int_equal(n, 0);
    free(rows);
    assert_int_equal(rp_solve_elastic_within(ilp, 60, 0, &rows, &n, &x), 1);
    assert_int_equal(n, 1);
    assert_string_equal(rp_ilp_row_name(ilp, rows[0]), "rule");
    for (int i = 0; i < 3; i++)
        assert_true(rp_ilp_row_holds(ilp, i, x, 1e-6));
    free(rows);
    free(x);
    rp_ilp_free(ilp);

    ilp = rp_ilp_new();
    int a = rp_ilp_add_col(ilp, "a", RP_COL_BINARY, 0, 1);
    int b = rp_ilp_add_col(ilp, "b", RP_COL_BINARY, 0, 1);
    rp_expr e = {0};
    rp_expr_add(&e, a, 2);
    rp_expr_add(&e, b, 2);
    rp_row_tag structural = {RP_NONE, RP_NONE, RP_NONE, 0, 0};
    rp_ilp_add_row(ilp, "odd", &e, RP_EQ, 3, structural); /* LP-feasible, no binary point */
    rp_expr_free(&e);
    assert_int_equal(rp_solve_elastic_within(ilp, 60, 1000, &rows, &n, NULL), -1);
    free(rows);
    rp_ilp_free(ilp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_status_map),
        cmocka_unit_test(test_gap_text),
        cmocka_unit_test(test_stop_before),
        cmocka_unit_test(test_small_optimum),
        cmocka_unit_test(test_sequential_in_order),
        cmocka_unit_test(test_sequential_subset_with_fixed_columns),
        cmocka_unit_test(test_lp_bound),
        cmocka_unit_test(test_sequential_pooled),
        cmocka_unit_test(test_region),
        cmocka_unit_test(test_reduce),
        cmocka_unit_test(test_elastic_budget),
    };
    return T_RUN(tests);
}
