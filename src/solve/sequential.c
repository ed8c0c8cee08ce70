/*
 * sequential.c: a first plan, resident after resident (solve.h rp_solve_sequential; SOLVING.md
 * section 4). Each step is a small GLPK problem of its own, built from the ILP: the columns of
 * the group being planned, the rows they appear in (a later resident's rows left out: that
 * resident is not planned yet), and the helper columns of those rows with their rows in turn
 * (a rule's helper of the same resident, an objective helper). Every other column stands at its
 * value so far (a planned group's, a later group's 0, a fixed column's bound) and moves to the
 * right-hand side. A step costs what the resident's own rows cost, not what the whole problem
 * costs: GLPK's presolver over the whole problem, step after step, was most of the time to a
 * first plan (BENCHMARKS.md). A group that finds no place is planned again together with the 1,
 * 3, then 7 groups before it. Last, the helpers are solved once over the whole problem with
 * every group fixed, so that every row holds together. The same selection, as an rp_ilp with the
 * rest on the right-hand side, is a what-if's region problem (rp_solve_region, at the end).
 */
#include "rotaplan/solve.h"
#include "solve/guard.h"
#include "translate/glpk_bridge.h"
#include "util/util.h"

#include <glpk.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct seq {
    const rp_ilp *ilp;
    const int *const *groups;
    const size_t *sizes;
    size_t n, m;
    size_t *col_start; /* [n + 1]: the rows of column j are col_row[col_start[j]..] */
    int *col_row;
    int *group_of;  /* [n]: the group of a column, -1 for the others */
    int *row_group; /* [m]: a resident's row: the last group among its columns; else -1 */
    bool *helper;   /* [n]: in no group and not fixed by its bounds */
    double *value;  /* [n]: the value so far */
    /* one step's selection (stamps avoid clearing) */
    int *col_seen, *row_seen, *local;
    int stamp;
    int *cols, *rows;
    size_t n_sel_cols, n_sel_rows;
    const rp_solve_options *opt;
    rp_guard guard; /* a stop (opt's flag, opt's time limit) ends a step: then no plan */
} seq;

static void index_columns(seq *s)
{
    s->col_start = rp_xcalloc(s->n + 2, sizeof *s->col_start);
    for (size_t i = 0; i < s->m; i++) {
        const int *col;
        const double *coef;
        size_t len;
        rp_ilp_row_terms(s->ilp, (int)i, &col, &coef, &len);
        for (size_t k = 0; k < len; k++)
            s->col_start[col[k] + 1]++;
    }
    for (size_t j = 0; j < s->n; j++)
        s->col_start[j + 1] += s->col_start[j];
    s->col_row = rp_xmalloc((s->col_start[s->n] + 1) * sizeof *s->col_row);
    size_t *fill = rp_xmalloc((s->n + 1) * sizeof *fill);
    memcpy(fill, s->col_start, s->n * sizeof *fill);
    for (size_t i = 0; i < s->m; i++) {
        const int *col;
        const double *coef;
        size_t len;
        rp_ilp_row_terms(s->ilp, (int)i, &col, &coef, &len);
        for (size_t k = 0; k < len; k++)
            s->col_row[fill[col[k]]++] = (int)i;
    }
    free(fill);
}

static void seq_init(seq *s, const rp_ilp *ilp, const int *const *groups, const size_t *sizes,
                     size_t n_groups, const rp_solve_options *opt)
{
    memset(s, 0, sizeof *s);
    s->ilp = ilp;
    s->groups = groups;
    s->sizes = sizes;
    s->n = rp_ilp_n_cols(ilp);
    s->m = rp_ilp_n_rows(ilp);
    s->opt = opt;
    rp_guard_init(&s->guard, opt->interrupt, opt->time_limit);
    index_columns(s);
    s->group_of = rp_xmalloc((s->n + 1) * sizeof *s->group_of);
    s->helper = rp_xcalloc(s->n + 1, sizeof *s->helper);
    s->value = rp_xcalloc(s->n + 1, sizeof *s->value);
    for (size_t j = 0; j < s->n; j++)
        s->group_of[j] = -1;
    for (size_t g = 0; g < n_groups; g++)
        for (size_t i = 0; i < sizes[g]; i++)
            s->group_of[groups[g][i]] = (int)g;
    for (size_t j = 0; j < s->n; j++) {
        double lb, ub;
        rp_ilp_col_bounds(ilp, (int)j, &lb, &ub);
        if (s->group_of[j] >= 0)
            continue; /* a later group's column stands at 0 until it is planned */
        s->helper[j] = lb < ub;
        s->value[j] = isfinite(lb) ? lb : isfinite(ub) ? fmin(ub, 0) : 0;
    }
    s->row_group = rp_xmalloc((s->m + 1) * sizeof *s->row_group);
    for (size_t i = 0; i < s->m; i++) {
        s->row_group[i] = -1;
        if (rp_ilp_row_tag(ilp, (int)i).resident < 0)
            continue;
        const int *col;
        const double *coef;
        size_t len;
        rp_ilp_row_terms(ilp, (int)i, &col, &coef, &len);
        for (size_t k = 0; k < len; k++)
            if (s->group_of[col[k]] > s->row_group[i])
                s->row_group[i] = s->group_of[col[k]];
    }
    s->col_seen = rp_xcalloc(s->n + 1, sizeof *s->col_seen);
    s->row_seen = rp_xcalloc(s->m + 1, sizeof *s->row_seen);
    s->local = rp_xcalloc(s->n + 1, sizeof *s->local);
    s->cols = rp_xmalloc((s->n + 1) * sizeof *s->cols);
    s->rows = rp_xmalloc((s->m + 1) * sizeof *s->rows);
}

static void seq_free(seq *s)
{
    free(s->col_start);
    free(s->col_row);
    free(s->group_of);
    free(s->row_group);
    free(s->helper);
    free(s->value);
    free(s->col_seen);
    free(s->row_seen);
    free(s->local);
    free(s->cols);
    free(s->rows);
}

static void select_col(seq *s, int j)
{
    if (s->col_seen[j] == s->stamp)
        return;
    s->col_seen[j] = s->stamp;
    s->local[j] = (int)s->n_sel_cols + 1;
    s->cols[s->n_sel_cols++] = j;
}

/* The step's columns (groups a..g, then the helpers of their rows, closed under rows) and
 * rows (those of these columns, but not the rows of a resident after group upto: not planned
 * yet). */
static void select_step(seq *s, size_t a, size_t g, size_t upto)
{
    s->stamp++;
    s->n_sel_cols = s->n_sel_rows = 0;
    for (size_t k = a; k <= g; k++)
        for (size_t i = 0; i < s->sizes[k]; i++)
            select_col(s, s->groups[k][i]);
    for (size_t q = 0; q < s->n_sel_cols; q++) {
        int j = s->cols[q];
        for (size_t t = s->col_start[j]; t < s->col_start[j + 1]; t++) {
            int i = s->col_row[t];
            if (s->row_seen[i] == s->stamp || s->row_group[i] > (int)upto)
                continue;
            s->row_seen[i] = s->stamp;
            s->rows[s->n_sel_rows++] = i;
            const int *col;
            const double *coef;
            size_t len;
            rp_ilp_row_terms(s->ilp, i, &col, &coef, &len);
            for (size_t k = 0; k < len; k++)
                if (s->helper[col[k]])
                    select_col(s, col[k]);
        }
    }
}

static int glpk_kind(rp_col_kind k)
{
    return k == RP_COL_BINARY ? GLP_BV : k == RP_COL_INTEGER ? GLP_IV : GLP_CV;
}

static void set_bounds(glp_prob *p, int j, double lb, double ub, bool is_row)
{
    int type = isfinite(lb) && isfinite(ub) ? (lb == ub ? GLP_FX : GLP_DB)
               : isfinite(lb)              ? GLP_LO
               : isfinite(ub)              ? GLP_UP
                                           : GLP_FR;
    if (is_row)
        glp_set_row_bnds(p, j, type, lb, ub);
    else
        glp_set_col_bnds(p, j, type, lb, ub);
}

/* The step's problem: selected columns, selected rows with the other columns' values moved to
 * the right-hand side. */
static glp_prob *step_problem(const seq *s)
{
    glp_prob *p = glp_create_prob();
    glp_set_obj_dir(p, GLP_MAX);
    glp_add_cols(p, (int)s->n_sel_cols);
    for (size_t q = 0; q < s->n_sel_cols; q++) {
        int j = s->cols[q];
        double lb, ub;
        rp_ilp_col_bounds(s->ilp, j, &lb, &ub);
        glp_set_col_kind(p, (int)q + 1, glpk_kind(rp_ilp_col_kind(s->ilp, j)));
        set_bounds(p, (int)q + 1, lb, ub, false);
        glp_set_obj_coef(p, (int)q + 1, rp_ilp_col_obj(s->ilp, j));
    }
    if (s->n_sel_rows)
        glp_add_rows(p, (int)s->n_sel_rows);
    size_t nz = 0;
    for (size_t r = 0; r < s->n_sel_rows; r++) {
        const int *col;
        const double *coef;
        size_t len;
        rp_ilp_row_terms(s->ilp, s->rows[r], &col, &coef, &len);
        nz += len;
    }
    int *ia = rp_xmalloc((nz + 1) * sizeof *ia), *ja = rp_xmalloc((nz + 1) * sizeof *ja);
    double *ar = rp_xmalloc((nz + 1) * sizeof *ar);
    size_t t = 0;
    for (size_t r = 0; r < s->n_sel_rows; r++) {
        int i = s->rows[r];
        const int *col;
        const double *coef;
        size_t len;
        rp_ilp_row_terms(s->ilp, i, &col, &coef, &len);
        double rest = 0;
        for (size_t k = 0; k < len; k++) {
            if (s->col_seen[col[k]] == s->stamp) {
                t++;
                ia[t] = (int)r + 1;
                ja[t] = s->local[col[k]];
                ar[t] = coef[k];
            } else {
                rest += coef[k] * s->value[col[k]];
            }
        }
        double rhs = rp_ilp_row_rhs(s->ilp, i) - rest;
        rp_sense sense = rp_ilp_row_sense(s->ilp, i);
        set_bounds(p, (int)r + 1, sense == RP_LE ? -INFINITY : rhs,
                   sense == RP_GE ? INFINITY : rhs, true);
    }
    glp_load_matrix(p, (int)t, ia, ja, ar);
    free(ia);
    free(ja);
    free(ar);
    return p;
}

/* A step's search ends at a stop (and then yields no plan: the caller sees the flag). */
static void step_callback(glp_tree *tree, void *info)
{
    rp_guard *g = info;
    g->in_tree = true;
    if (rp_guard_reason(g))
        glp_ios_terminate(tree);
}

/* Solves p to within gap (at least the caller's), unless a stop ends it. Returns 0 with a MIP
 * solution in p; -1 when it has none; RP_GUARD_STOPPED when a stop ended the step (p is gone:
 * guard.h). No clock decides anything else: a step runs to its end. A step's LP bound is mostly its optimum already and the tree
 * only looks for an integer plan: the feasibility pump at the root and most-fractional branching
 * find one sooner than Driebeck-Tomlin's (measured on pieces of 4 and 6 weeks at every start, the
 * two-year programme's 20 residents: 17.2 s of CPU to 7.2 s, BENCHMARKS.md). */
static int solve_step(seq *s, glp_prob *p, double gap)
{
    if (rp_guard_reason(&s->guard))
        return -1;
    glp_iocp parm;
    glp_init_iocp(&parm);
    rp_guard_iocp(&parm);
    parm.presolve = GLP_ON;
    parm.br_tech = GLP_BR_MFV;
    parm.bt_tech = GLP_BT_BLB;
    parm.fp_heur = GLP_ON;
    parm.mip_gap = s->opt->gap > gap ? s->opt->gap : gap;
    parm.cb_func = step_callback;
    parm.cb_info = &s->guard;
    int ret = rp_guard_intopt(&s->guard, p, &parm);
    if (ret == RP_GUARD_STOPPED)
        return ret;
    int status = glp_mip_status(p);
    return (ret == 0 || ret == GLP_EMIPGAP) && (status == GLP_OPT || status == GLP_FEAS) ? 0
                                                                                          : -1;
}

/* Plans groups a..g together (the others at their values; the rows of residents up to group
 * upto hold) to within gap. Returns 0 with their values (and their helpers') stored and sets
 * *gain (the objective's change over these columns, when the step kept the rows it had: an
 * improvement pass), else -1 and nothing changed. */
static int plan_groups(seq *s, size_t a, size_t g, size_t upto, double gap, double *gain)
{
    select_step(s, a, g, upto);
    glp_prob *p = step_problem(s);
    int err = solve_step(s, p, gap);
    if (err == RP_GUARD_STOPPED)
        return -1; /* p went with GLPK's environment */
    double before = 0, after = 0;
    for (size_t q = 0; !err && q < s->n_sel_cols; q++) {
        int j = s->cols[q];
        double v = glp_mip_col_val(p, (int)q + 1);
        v = rp_ilp_col_kind(s->ilp, j) == RP_COL_CONTINUOUS ? v : round(v);
        before += rp_ilp_col_obj(s->ilp, j) * s->value[j];
        after += rp_ilp_col_obj(s->ilp, j) * v;
        s->value[j] = v;
    }
    if (gain)
        *gain = after - before;
    glp_delete_prob(p);
    return err;
}

/* Every resident planned: each is planned again, alone, with every other resident as planned
 * (exactly: the problems are small), while a pass gains, at most 3 passes. A first plan that a
 * resident's own choices can still improve costs GLPK's search most. No clock decides anything
 * here: the same inputs give the same plan on every machine. */
static void improve(seq *s, size_t n_groups)
{
    for (int pass = 0; pass < 3; pass++) {
        double gained = 0;
        for (size_t g = 0; g < n_groups; g++) {
            double gain = 0;
            if (rp_guard_reason(&s->guard))
                return;
            if (plan_groups(s, g, g, n_groups - 1, 0, &gain) == 0)
                gained += gain;
        }
        if (gained < 1e-9)
            return;
    }
}

/* Every group planned: the helpers solved over the whole problem, every group fixed. */
static int settle_helpers(seq *s, double **x)
{
    double *fix = rp_xmalloc((s->n + 1) * sizeof *fix);
    for (size_t j = 0; j < s->n; j++)
        fix[j] = s->group_of[j] >= 0 ? s->value[j] : NAN;
    glp_prob *p = rp_ilp_to_glpk(s->ilp, fix, fix, RP_NONE);
    free(fix);
    int err = solve_step(s, p, 0.01);
    if (err == RP_GUARD_STOPPED)
        return -1;
    if (!err) {
        *x = rp_xmalloc((s->n + 1) * sizeof **x);
        for (size_t j = 0; j < s->n; j++) {
            double v = glp_mip_col_val(p, (int)j + 1);
            (*x)[j] = rp_ilp_col_kind(s->ilp, (int)j) == RP_COL_CONTINUOUS ? v : round(v);
        }
    }
    glp_delete_prob(p);
    return err;
}

int rp_solve_sequential(const rp_ilp *ilp, const int *const *groups, const size_t *sizes,
                        size_t n_groups, const rp_solve_options *opt, double **x)
{
    static const size_t widths[] = {1, 3, 7};
    seq s;
    seq_init(&s, ilp, groups, sizes, n_groups, opt);
    int err = 0;
    for (size_t g = 0; g < n_groups && !err; g++) {
        if (rp_guard_reason(&s.guard)) {
            err = -1;
            break;
        }
        err = plan_groups(&s, g, g, g, 0.01, NULL);
        for (size_t w = 0; err && w < sizeof widths / sizeof widths[0] && widths[w] <= g; w++)
            err = plan_groups(&s, g - widths[w], g, g, 0.01, NULL);
    }
    if (!err)
        improve(&s, n_groups);
    if (!err)
        err = settle_helpers(&s, x);
    seq_free(&s);
    return err;
}

/* ---- a region's problem (rp_solve_region): the same selection, as an rp_ilp ---- */

/* The step's problem as an rp_ilp for rp_solve: the selected columns (their names, kinds, bounds
 * and objective), the selected rows with the other columns' values moved to the right-hand side,
 * and those columns' share of the objective in its constant. */
static rp_ilp *step_ilp(const seq *s)
{
    rp_ilp *sub = rp_ilp_new();
    double constant = rp_ilp_obj_constant(s->ilp);
    for (size_t j = 0; j < s->n; j++)
        if (s->col_seen[j] != s->stamp)
            constant += rp_ilp_col_obj(s->ilp, (int)j) * s->value[j];
    rp_ilp_add_obj_constant(sub, constant);
    for (size_t q = 0; q < s->n_sel_cols; q++) {
        int j = s->cols[q];
        double lb, ub;
        rp_ilp_col_bounds(s->ilp, j, &lb, &ub);
        int c = rp_ilp_add_col(sub, rp_ilp_col_name(s->ilp, j), rp_ilp_col_kind(s->ilp, j), lb,
                               ub);
        rp_ilp_add_obj(sub, c, rp_ilp_col_obj(s->ilp, j));
    }
    rp_expr e = {0};
    for (size_t r = 0; r < s->n_sel_rows; r++) {
        int i = s->rows[r];
        const int *col;
        const double *coef;
        size_t len;
        rp_ilp_row_terms(s->ilp, i, &col, &coef, &len);
        rp_expr_clear(&e);
        for (size_t k = 0; k < len; k++) {
            if (s->col_seen[col[k]] == s->stamp)
                rp_expr_add(&e, s->local[col[k]] - 1, coef[k]);
            else
                rp_expr_add_constant(&e, coef[k] * s->value[col[k]]);
        }
        rp_ilp_add_row(sub, rp_ilp_row_name(s->ilp, i), &e, rp_ilp_row_sense(s->ilp, i),
                       rp_ilp_row_rhs(s->ilp, i), rp_ilp_row_tag(s->ilp, i));
    }
    rp_expr_free(&e);
    return sub;
}

/* Whether every row with no selected column holds at the values (held columns only). */
static bool rest_holds(const seq *s)
{
    for (size_t i = 0; i < s->m; i++)
        if (s->row_seen[i] != s->stamp && !rp_ilp_row_holds(s->ilp, (int)i, s->value, 1e-6))
            return false;
    return true;
}

rp_ilp *rp_solve_reduce(const rp_ilp *ilp, const double *values, int **cols, size_t *n_cols)
{
    size_t n = rp_ilp_n_cols(ilp), nf = 0;
    int *region = rp_xmalloc((n + 1) * sizeof *region);
    for (size_t j = 0; j < n; j++) {
        double lb, ub;
        rp_ilp_col_bounds(ilp, (int)j, &lb, &ub);
        if (lb < ub)
            region[nf++] = (int)j;
    }
    const int *groups[1] = {region};
    size_t sizes[1] = {nf};
    rp_solve_options none = {0, 0, false, NULL, NULL, NULL};
    seq s;
    seq_init(&s, ilp, groups, sizes, 1, &none);
    memcpy(s.value, values, n * sizeof *s.value);
    select_step(&s, 0, 0, 0); /* one group: every row of a region column, nothing left out */
    rp_ilp *sub = rest_holds(&s) ? step_ilp(&s) : NULL;
    if (sub) {
        *cols = rp_xmalloc((s.n_sel_cols + 1) * sizeof **cols);
        memcpy(*cols, s.cols, s.n_sel_cols * sizeof **cols);
        *n_cols = s.n_sel_cols;
    }
    seq_free(&s);
    free(region);
    return sub;
}

int rp_solve_region(const rp_ilp *ilp, const rp_solve_options *opt, rp_solve_result *res,
                    size_t *n_region, rp_diags *d)
{
    size_t n = rp_ilp_n_cols(ilp), nc = 0;
    int *cols = NULL;
    rp_ilp *sub = rp_solve_reduce(ilp, opt->start, &cols, &nc);
    memset(res, 0, sizeof *res);
    if (!sub) { /* the start breaks a row outside the region: not a start at all */
        rp_diag_add(d, RP_ERROR, NULL, 0, 0, 0, "internal error: a what-if's start plan breaks "
                    "a row outside its region");
        return -1;
    }
    double *start = rp_xmalloc((nc + 1) * sizeof *start);
    for (size_t q = 0; q < nc; q++)
        start[q] = opt->start[cols[q]];
    rp_solve_options o = *opt;
    o.first = NULL;
    o.start = start;
    int err = rp_solve(sub, &o, res, d);
    if (err == 0 && res->x) { /* the region's values among the others' */
        double *x = rp_xmalloc((n + 1) * sizeof *x);
        memcpy(x, opt->start, n * sizeof *x);
        for (size_t q = 0; q < nc; q++)
            x[cols[q]] = res->x[q];
        free(res->x);
        res->x = x;
        res->n_cols = n;
    }
    *n_region = nc;
    free(start);
    free(cols);
    rp_ilp_free(sub);
    return err;
}
