/*
 * bound.c: the LP relaxation's optimum of a large ILP by column generation (solve.h rp_lp_bound).
 *
 * Off the aligned grid the two-year programme has pieces of every length at every start: half a
 * million columns for 120 residents, and GLPK's simplex over all of them is most of the time to
 * a bound. Few of them matter to the relaxation, so the LP is solved over a few columns (those
 * of a start plan, and every column that is no resident's piece) with every row; the others are
 * priced with the duals (reduced cost c_j - y^T a_j; the objective is maximised), those that
 * would raise the objective are added, and the LP is solved again from its basis, until no
 * column prices in. The optimum is then the full relaxation's: every column left out sits at its
 * lower bound 0 with a reduced cost that does not raise the objective. No clock decides
 * anything: the rounds are the same on every machine.
 */
#include "rotaplan/solve.h"
#include "solve/guard.h"
#include "util/util.h"

#include <glpk.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <time.h>

/* Rounds of pricing at most (each adds at least one column: the LP's optimum is reached long
 * before), and the columns a group may add in one round: adding every column that prices in
 * swells the LP with columns the next duals price out again. */
enum { MAX_ROUNDS = 1000, PER_GROUP = 8 };

/* The matrix by column: the rows and coefficients of column j are at start[j]..start[j+1]. */
typedef struct by_column {
    size_t *start;
    int *row;
    double *coef;
} by_column;

static void by_column_build(const rp_ilp *ilp, by_column *bc)
{
    size_t n = rp_ilp_n_cols(ilp), m = rp_ilp_n_rows(ilp);
    bc->start = rp_xcalloc(n + 2, sizeof *bc->start);
    for (size_t i = 0; i < m; i++) {
        const int *col;
        const double *coef;
        size_t len;
        rp_ilp_row_terms(ilp, (int)i, &col, &coef, &len);
        for (size_t k = 0; k < len; k++)
            bc->start[col[k] + 1]++;
    }
    for (size_t j = 0; j < n; j++)
        bc->start[j + 1] += bc->start[j];
    bc->row = rp_xmalloc((bc->start[n] + 1) * sizeof *bc->row);
    bc->coef = rp_xmalloc((bc->start[n] + 1) * sizeof *bc->coef);
    size_t *fill = rp_xmalloc((n + 1) * sizeof *fill);
    memcpy(fill, bc->start, n * sizeof *fill);
    for (size_t i = 0; i < m; i++) {
        const int *col;
        const double *coef;
        size_t len;
        rp_ilp_row_terms(ilp, (int)i, &col, &coef, &len);
        for (size_t k = 0; k < len; k++) {
            bc->row[fill[col[k]]] = (int)i;
            bc->coef[fill[col[k]]++] = coef[k];
        }
    }
    free(fill);
}

static void by_column_free(by_column *bc)
{
    free(bc->start);
    free(bc->row);
    free(bc->coef);
}

static int bounds_type(double lb, double ub)
{
    return isfinite(lb) && isfinite(ub) ? (lb == ub ? GLP_FX : GLP_DB)
           : isfinite(lb)              ? GLP_LO
           : isfinite(ub)              ? GLP_UP
                                       : GLP_FR;
}

/* The restricted LP: every row of the ILP, no column yet. */
static glp_prob *master_new(const rp_ilp *ilp)
{
    glp_prob *p = glp_create_prob();
    glp_set_obj_dir(p, GLP_MAX);
    glp_set_obj_coef(p, 0, rp_ilp_obj_constant(ilp));
    size_t m = rp_ilp_n_rows(ilp);
    if (m)
        glp_add_rows(p, (int)m);
    for (size_t i = 0; i < m; i++) {
        rp_sense sense = rp_ilp_row_sense(ilp, (int)i);
        double rhs = rp_ilp_row_rhs(ilp, (int)i);
        glp_set_row_bnds(p, (int)i + 1, sense == RP_LE ? GLP_UP : sense == RP_GE ? GLP_LO : GLP_FX,
                         rhs, rhs);
    }
    return p;
}

/* Adds ILP column j to the restricted LP (as a continuous column: the relaxation). */
static void master_add(glp_prob *p, const rp_ilp *ilp, const by_column *bc, size_t j, int *where)
{
    int k = glp_add_cols(p, 1);
    double lb, ub;
    rp_ilp_col_bounds(ilp, (int)j, &lb, &ub);
    glp_set_col_bnds(p, k, bounds_type(lb, ub), isfinite(lb) ? lb : 0, isfinite(ub) ? ub : 0);
    glp_set_obj_coef(p, k, rp_ilp_col_obj(ilp, (int)j));
    size_t len = bc->start[j + 1] - bc->start[j];
    int *ind = rp_xmalloc((len + 1) * sizeof *ind);
    double *val = rp_xmalloc((len + 1) * sizeof *val);
    for (size_t t = 0; t < len; t++) {
        ind[t + 1] = bc->row[bc->start[j] + t] + 1;
        val[t + 1] = bc->coef[bc->start[j] + t];
    }
    glp_set_mat_col(p, k, (int)len, ind, val);
    free(ind);
    free(val);
    where[j] = k;
}

/* The reduced cost of column j at the duals y (the objective is maximised: positive raises it). */
static double reduced_cost(const rp_ilp *ilp, const by_column *bc, const double *y, int j)
{
    double d = rp_ilp_col_obj(ilp, j);
    for (size_t t = bc->start[j]; t < bc->start[j + 1]; t++)
        d -= bc->coef[t] * y[bc->row[t]];
    return d;
}

/* Adds, for every group, the PER_GROUP columns left out whose reduced costs at the duals y would
 * raise the objective most (ties: the earlier column). Returns how many. */
static size_t price(glp_prob *p, const rp_ilp *ilp, const by_column *bc, const double *y,
                    const rp_first_plan *fp, int *where)
{
    size_t added = 0;
    for (size_t g = 0; g < fp->n_groups; g++) {
        int best[PER_GROUP];
        double cost[PER_GROUP];
        size_t k = 0;
        for (size_t i = 0; i < fp->sizes[g]; i++) {
            int j = fp->groups[g][i];
            double lb, ub;
            rp_ilp_col_bounds(ilp, j, &lb, &ub);
            if (where[j] || lb == ub)
                continue; /* in the master, or fixed (then at 0: in it when not) */
            double d = reduced_cost(ilp, bc, y, j);
            if (d <= 1e-7 || (k == PER_GROUP && d <= cost[k - 1]))
                continue;
            size_t at = k < PER_GROUP ? k++ : k - 1;
            for (; at > 0 && cost[at - 1] < d; at--) {
                cost[at] = cost[at - 1];
                best[at] = best[at - 1];
            }
            cost[at] = d;
            best[at] = j;
        }
        for (size_t i = 0; i < k; i++)
            master_add(p, ilp, bc, (size_t)best[i], where);
        added += k;
    }
    return added;
}

int rp_lp_bound(const rp_ilp *ilp, const rp_first_plan *fp, const double *start,
                const rp_solve_options *opt, double *bound)
{
    size_t n = rp_ilp_n_cols(ilp), m = rp_ilp_n_rows(ilp);
    rp_guard guard;
    rp_guard_init(&guard, opt->interrupt, opt->time_limit);
    by_column bc;
    by_column_build(ilp, &bc);
    glp_prob *p = master_new(ilp);
    int *where = rp_xcalloc(n + 1, sizeof *where);
    bool *priced = rp_xcalloc(n + 1, sizeof *priced);
    for (size_t g = 0; g < fp->n_groups; g++)
        for (size_t i = 0; i < fp->sizes[g]; i++)
            priced[fp->groups[g][i]] = true;
    for (size_t j = 0; j < n; j++)
        if (!priced[j] || start[j] != 0)
            master_add(p, ilp, &bc, j, where);
    free(priced);
    double *y = rp_xmalloc((m + 1) * sizeof *y);
    if (getenv("RP_DBG")) fprintf(stderr, "dbg: cg start at %.2f\n", (double)clock()/CLOCKS_PER_SEC);
    glp_smcp parm;
    glp_init_smcp(&parm);
    rp_guard_smcp(&parm);
    int err = -1;
    for (int round = 0; round < MAX_ROUNDS; round++) {
        int ret = rp_guard_simplex(&guard, p, &parm);
        if (ret == RP_GUARD_STOPPED) {
            p = NULL;
            break;
        }
        if (ret != 0 || glp_get_status(p) != GLP_OPT)
            break;
        for (size_t i = 0; i < m; i++)
            y[i] = glp_get_row_dual(p, (int)i + 1);
        size_t added = price(p, ilp, &bc, y, fp, where);
        if (getenv("RP_DBG")) fprintf(stderr, "dbg: cg round %d obj %.6g cols %d added %zu at %.2f\n", round, glp_get_obj_val(p), glp_get_num_cols(p), added, (double)clock()/CLOCKS_PER_SEC);
        if (added == 0) {
            *bound = glp_get_obj_val(p);
            err = 0;
            break;
        }
    }
    if (p)
        glp_delete_prob(p);
    free(y);
    free(where);
    by_column_free(&bc);
    return err;
}
