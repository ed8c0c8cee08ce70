/*
 * rins.c: the relaxation-induced neighbourhood of the start plan (rins.h), searched before the
 * search from that plan (solve.c). The neighbourhood's problem holds the free columns and their
 * rows, the agreeing integer columns standing at their values on the right-hand side
 * (own_problem), so its plans satisfy every row of ilp; the plan found is still checked row by
 * row here, and by the rules' direct checks in solve.c before it is handed to GLPK.
 */
#include "solve/rins.h"
#include "rotaplan/solve.h"
#include "translate/glpk_bridge.h"
#include "util/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Agreement between a plan's value and the LP's: GLPK's own integrality tolerance is 1e-5. */
#define AGREE 1e-6

typedef struct budget {
    rp_guard *guard;
    long node_limit;
} budget;

/* Ends the neighbourhood's search at its node budget or at a stop; GLPK keeps its best plan. */
static void callback(glp_tree *tree, void *info)
{
    budget *b = info;
    rp_guard_in_tree(b->guard);
    int total;
    glp_ios_tree_size(tree, NULL, NULL, &total);
    if (rp_guard_reason(b->guard) || (b->node_limit > 0 && total >= b->node_limit))
        glp_ios_terminate(tree);
}

/* The neighbourhood's bounds: fix[j] is start's value for an agreeing integer column, else NAN
 * (the column keeps its own bounds); with open (one flag a group; group_of: a column's group or
 * -1), every column of an open group is left free too (the whole resident planned again), and so
 * is every column of no group: such a column sums many residents' columns (the count of
 * residents at a facility for a year, objective.c), and fixed it would hold the open residents
 * to the loads they had. A column the LP holds fixed at start's value (held, 1-based, NAN where
 * not; fixing.h: no plan better than start moves it) stays fixed in every neighbourhood. lp_x is
 * the LP optimum (1-based). Returns how many integer columns are left free. */
static size_t neighbourhood(const rp_ilp *ilp, const double *lp_x, const double *held,
                            const double *start, const int *group_of, const bool *open,
                            double *fix)
{
    size_t n = rp_ilp_n_cols(ilp), n_free = 0;
    for (size_t j = 0; j < n; j++) {
        bool integer = rp_ilp_col_kind(ilp, (int)j) != RP_COL_CONTINUOUS;
        bool agree = integer && fabs(lp_x[j + 1] - start[j + 1]) <= AGREE;
        bool in_open = open && (group_of[j] < 0 || open[group_of[j]]);
        bool is_held = held[j + 1] == start[j + 1];
        fix[j] = (agree && !in_open) || is_held ? start[j + 1] : NAN;
        n_free += integer && isnan(fix[j]);
    }
    return n_free;
}

/* The groups that hold a column where start and lp_x disagree, in order, into list; returns
 * their count. */
static size_t disagreeing_groups(const rp_ilp *ilp, const double *lp_x, const double *start,
                                 const int *group_of, size_t n_groups, int *list)
{
    size_t n = rp_ilp_n_cols(ilp), count = 0;
    bool *seen = rp_xcalloc(n_groups + 1, sizeof *seen);
    for (size_t j = 0; j < n; j++) {
        int g = group_of[j];
        if (g < 0 || seen[g] || rp_ilp_col_kind(ilp, (int)j) == RP_COL_CONTINUOUS ||
            fabs(lp_x[j + 1] - start[j + 1]) <= AGREE)
            continue;
        seen[g] = true;
        list[count++] = g;
    }
    free(seen);
    return count;
}

/* The plan q holds, in ilp's columns (1-based, integer columns rounded): the fixed columns at
 * fix, column k + 1 of q into ilp's column cols[k]; when it satisfies every row of ilp and beats
 * start_objective; else NULL. */
static double *take_better(const rp_ilp *ilp, glp_prob *q, const double *fix, const int *cols,
                           double start_objective, double *objective)
{
    int status = glp_mip_status(q);
    if (status != GLP_OPT && status != GLP_FEAS)
        return NULL;
    size_t n = rp_ilp_n_cols(ilp);
    double *x = rp_xmalloc((n + 1) * sizeof *x);
    x[0] = 0;
    for (size_t j = 0; j < n; j++)
        x[j + 1] = fix[j];
    for (int k = 0; k < glp_get_num_cols(q); k++) {
        double v = glp_mip_col_val(q, k + 1);
        x[cols[k] + 1] = rp_ilp_col_kind(ilp, cols[k]) == RP_COL_CONTINUOUS ? v : round(v);
    }
    double obj = rp_ilp_objective(ilp, x + 1);
    if (!(obj > start_objective + 1e-9 * fmax(1.0, fabs(start_objective))) ||
        !rp_ilp_holds(ilp, x + 1, 1e-6)) {
        free(x);
        return NULL;
    }
    *objective = obj;
    return x;
}

/* The neighbourhood's own problem: the free columns (fix NAN), into cols (ilp's, 0-based: column
 * k + 1 of the problem is cols[k]), and the rows they appear in, every fixed column standing at
 * its value in fix and moved to the right-hand side (its share of the objective into the
 * constant). A row without a free column is left out: the fixed columns hold the start plan's
 * values there, and the start plan satisfies it. Building only this, rather than the whole
 * problem with fixed bounds, keeps a second copy of a large problem out of memory. */
static glp_prob *own_problem(const rp_ilp *ilp, const double *fix, int *cols)
{
    size_t n = rp_ilp_n_cols(ilp), m = rp_ilp_n_rows(ilp);
    int *local = rp_xmalloc((n + 1) * sizeof *local); /* a free column's number in q; 0: fixed */
    glp_prob *q = glp_create_prob();
    glp_set_obj_dir(q, GLP_MAX);
    double constant = rp_ilp_obj_constant(ilp);
    int nq = 0;
    for (size_t j = 0; j < n; j++) {
        local[j] = isnan(fix[j]) ? ++nq : 0;
        if (local[j])
            cols[nq - 1] = (int)j;
        else
            constant += rp_ilp_col_obj(ilp, (int)j) * fix[j];
    }
    glp_set_obj_coef(q, 0, constant);
    if (nq)
        glp_add_cols(q, nq);
    for (int k = 0; k < nq; k++) {
        double lb, ub;
        rp_ilp_col_bounds(ilp, cols[k], &lb, &ub);
        glp_set_col_kind(q, k + 1, rp_glpk_kind(rp_ilp_col_kind(ilp, cols[k])));
        rp_glpk_set_bounds(q, k + 1, lb, ub, false);
        glp_set_obj_coef(q, k + 1, rp_ilp_col_obj(ilp, cols[k]));
    }
    int *ind = rp_xmalloc(((size_t)nq + 1) * sizeof *ind);
    double *val = rp_xmalloc(((size_t)nq + 1) * sizeof *val);
    for (size_t i = 0; i < m; i++) {
        const int *col;
        const double *coef;
        size_t len;
        rp_ilp_row_terms(ilp, (int)i, &col, &coef, &len);
        double fixed = 0;
        int k = 0;
        for (size_t t = 0; t < len; t++) {
            if (local[col[t]]) {
                k++;
                ind[k] = local[col[t]];
                val[k] = coef[t];
            } else {
                fixed += coef[t] * fix[col[t]];
            }
        }
        if (k == 0)
            continue;
        int r = glp_add_rows(q, 1);
        rp_glpk_set_row(q, r, rp_ilp_row_sense(ilp, (int)i), rp_ilp_row_rhs(ilp, (int)i) - fixed);
        glp_set_mat_row(q, r, k, ind, val);
    }
    free(ind);
    free(val);
    free(local);
    return q;
}

/* One search of the neighbourhood fix (NAN: free) within g's stop and node_limit nodes.
 * Returns as rp_rins. */
static int search_neighbourhood(const rp_ilp *ilp, const double *fix, double start_objective,
                                rp_guard *g, long node_limit, double **better,
                                double *objective)
{
    int *cols = rp_xmalloc((rp_ilp_n_cols(ilp) + 1) * sizeof *cols);
    glp_prob *q = own_problem(ilp, fix, cols);
    glp_iocp parm;
    glp_init_iocp(&parm);
    rp_guard_iocp(&parm);
    parm.presolve = GLP_ON;
    parm.br_tech = GLP_BR_DTH;
    parm.bt_tech = GLP_BT_BLB;
    parm.gmi_cuts = GLP_ON;
    parm.mir_cuts = GLP_ON;
    budget b = {g, node_limit};
    parm.cb_func = callback;
    parm.cb_info = &b;
    int ret = rp_guard_intopt(g, q, &parm);
    if (ret == RP_GUARD_STOPPED) {
        free(cols);
        return RP_GUARD_STOPPED; /* q went with GLPK's environment */
    }
    double *x = NULL;
    if (ret == 0 || ret == GLP_ESTOP)
        x = take_better(ilp, q, fix, cols, start_objective, objective);
    glp_delete_prob(q);
    free(cols);
    if (!x)
        return 0;
    *better = x;
    return 1;
}

/* The state of the rounds: the best plan so far (NULL: the start) and the searches left. */
typedef struct rounds {
    const rp_ilp *ilp;
    const double *lp_x, *held, *start;
    double *best, best_objective, *fix;
    rp_guard *guard;
    long node_limit;
    int left;
} rounds;

/* One neighbourhood around the best plan so far (open: as neighbourhood()). Returns 1 when it
 * found a better plan (now the best), 0 when not (or nothing was left to search),
 * RP_GUARD_STOPPED. */
static int round_of(rounds *r, const int *group_of, const bool *open)
{
    const double *from = r->best ? r->best : r->start;
    if (r->left <= 0 ||
        neighbourhood(r->ilp, r->lp_x, r->held, from, group_of, open, r->fix) == 0)
        return 0;
    r->left--;
    double *x = NULL, obj;
    int ret = search_neighbourhood(r->ilp, r->fix, r->best_objective, r->guard, r->node_limit,
                                   &x, &obj);
    if (ret == 1) {
        free(r->best);
        r->best = x;
        r->best_objective = obj;
    }
    return ret;
}

/* The residents' rounds: the groups that disagree with the LP, RP_RINS_GROUPS at a time, each
 * chunk planned again whole with the disagreeing columns. Returns 0 or RP_GUARD_STOPPED. */
static int group_rounds(rounds *r, const int *group_of, size_t n_groups)
{
    int *list = rp_xmalloc((n_groups + 1) * sizeof *list);
    bool *open = rp_xcalloc(n_groups + 1, sizeof *open);
    size_t count = disagreeing_groups(r->ilp, r->lp_x, r->best ? r->best : r->start, group_of,
                                      n_groups, list);
    int ret = 0;
    for (size_t k = 0; k < count && ret != RP_GUARD_STOPPED; k += RP_RINS_GROUPS) {
        memset(open, 0, (n_groups + 1) * sizeof *open);
        for (size_t i = k; i < count && i < k + RP_RINS_GROUPS; i++)
            open[list[i]] = true;
        ret = round_of(r, group_of, open);
    }
    free(open);
    free(list);
    return ret == RP_GUARD_STOPPED ? ret : 0;
}

int rp_rins(const rp_ilp *ilp, glp_prob *lp, const double *start, double start_objective,
            const int *group_of, size_t n_groups, rp_guard *g, long node_limit,
            double **better, double *objective)
{
    size_t n = rp_ilp_n_cols(ilp);
    double *lp_x = rp_xmalloc((n + 1) * sizeof *lp_x);
    double *held = rp_xmalloc((n + 1) * sizeof *held);
    lp_x[0] = 0;
    held[0] = NAN;
    for (size_t j = 1; j <= n; j++) {
        lp_x[j] = glp_get_col_prim(lp, (int)j);
        held[j] = glp_get_col_type(lp, (int)j) == GLP_FX ? glp_get_col_lb(lp, (int)j) : NAN;
    }
    rounds r = {ilp, lp_x, held, start, NULL, start_objective, NULL, g, node_limit,
                RP_RINS_ROUNDS};
    r.fix = rp_xmalloc((n + 1) * sizeof *r.fix);
    int ret;
    while ((ret = round_of(&r, NULL, NULL)) == 1)
        ; /* the disagreeing columns, around each better plan in turn */
    if (ret != RP_GUARD_STOPPED && group_of)
        ret = group_rounds(&r, group_of, n_groups);
    free(r.fix);
    free(lp_x);
    free(held);
    if (r.best) { /* also after a stop: a plan found before it is kept */
        *better = r.best;
        *objective = r.best_objective;
    }
    if (ret == RP_GUARD_STOPPED)
        return RP_GUARD_STOPPED;
    return r.best ? 1 : 0;
}
