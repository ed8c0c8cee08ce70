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
 * lower bound 0 with a reduced cost that does not raise the objective. Before that, every round
 * gives a bound too: the restricted LP's optimum plus, for every column left out, its reduced
 * cost times its upper bound where that is positive (the restricted LP's duals, with those
 * reduced costs as the duals of the columns' upper bounds, are feasible for the full LP's dual);
 * the rounds stop when that bound is good enough for the caller. No clock decides anything: the
 * rounds are the same on every machine.
 */
#include "rotaplan/solve.h"
#include "solve/columns.h"
#include "solve/guard.h"
#include "translate/glpk_bridge.h"
#include "util/util.h"

#include <glpk.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Rounds of pricing at most (each adds at least one column: the LP's optimum is reached long
 * before), and the columns a group may add in one round: adding every column that prices in
 * swells the LP with columns the next duals price out again. */
enum { MAX_ROUNDS = 1000, PER_GROUP = 8 };

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
        rp_glpk_set_row(p, (int)i + 1, rp_ilp_row_sense(ilp, (int)i), rp_ilp_row_rhs(ilp, (int)i));
    }
    return p;
}

/* Adds ILP column j to the restricted LP (as a continuous column: the relaxation). */
static void master_add(glp_prob *p, const rp_ilp *ilp, const rp_columns *bc, size_t j, int *where)
{
    int k = glp_add_cols(p, 1);
    double lb, ub;
    rp_ilp_col_bounds(ilp, (int)j, &lb, &ub);
    rp_glpk_set_bounds(p, k, lb, ub, false);
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
static double reduced_cost(const rp_ilp *ilp, const rp_columns *bc, const double *y, int j)
{
    double d = rp_ilp_col_obj(ilp, j);
    for (size_t t = bc->start[j]; t < bc->start[j + 1]; t++)
        d -= bc->coef[t] * y[bc->row[t]];
    return d;
}

/* Adds, for every group, the PER_GROUP columns left out whose reduced costs at the duals y would
 * raise the objective most (ties: the earlier column). Returns how many. */
static size_t price(glp_prob *p, const rp_ilp *ilp, const rp_columns *bc, const double *y,
                    const rp_first_plan *fp, int *where, double *excess)
{
    size_t added = 0;
    *excess = 0;
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
            if (d > 0)
                *excess += d * ub;
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

/* The best value a column can add at reduced cost d within its bounds (infinite when its bound
 * on that side is). */
static double best_within(double d, double lb, double ub)
{
    return d > 0 ? d * ub : d < 0 ? d * lb : 0;
}

/* A group's pieces (shapes[] kind >= 0) in the order of their last period. */
typedef struct tiling {
    int *cols;
    size_t n;
    int horizon;
} tiling;

static int by_last(const void *a, const void *b, const rp_col_shape *shapes)
{
    int la = shapes[*(const int *)a].last, lb = shapes[*(const int *)b].last;
    return (la > lb) - (la < lb);
}

/* Insertion sort by last period (qsort has no context; groups are a few thousand columns and
 * mostly in order already). */
static void sort_by_last(int *cols, size_t n, const rp_col_shape *shapes)
{
    for (size_t i = 1; i < n; i++) {
        int c = cols[i];
        size_t k = i;
        for (; k > 0 && by_last(&cols[k - 1], &c, shapes) > 0; k--)
            cols[k] = cols[k - 1];
        cols[k] = c;
    }
}

static tiling *tilings_new(const rp_first_plan *fp)
{
    tiling *t = rp_xcalloc(fp->n_groups + 1, sizeof *t);
    for (size_t g = 0; g < fp->n_groups; g++) {
        t[g].cols = rp_xmalloc((fp->sizes[g] + 1) * sizeof *t[g].cols);
        for (size_t i = 0; i < fp->sizes[g]; i++) {
            int j = fp->groups[g][i];
            if (fp->shapes[j].kind < 0)
                continue;
            t[g].cols[t[g].n++] = j;
            if (fp->shapes[j].last > t[g].horizon)
                t[g].horizon = fp->shapes[j].last;
        }
        sort_by_last(t[g].cols, t[g].n, fp->shapes);
    }
    return t;
}

static void tilings_free(tiling *t, size_t n)
{
    for (size_t g = 0; g < n; g++)
        free(t[g].cols);
    free(t);
}

/* The most that group g's pieces can add at reduced costs d: the best set of pieces that overlap
 * in no period (a resident holds one piece a period; leaving a period uncovered is allowed here,
 * which only loosens the bound), by a pass over the periods. */
static double best_tiling(const tiling *t, const rp_col_shape *shapes, const double *d,
                          double *best)
{
    best[0] = 0;
    size_t i = 0;
    for (int p = 1; p <= t->horizon; p++) {
        best[p] = best[p - 1];
        for (; i < t->n && shapes[t->cols[i]].last == p; i++) {
            double v = best[shapes[t->cols[i]].first - 1] + d[t->cols[i]];
            if (v > best[p])
                best[p] = v;
        }
    }
    return best[t->horizon];
}

/*
 * The Lagrangian bound at the duals y (every row priced at y; y's signs made right for a
 * maximisation: >= 0 on <= rows, <= 0 on >= rows): for every plan x, c x <= y b + (c - y A) x,
 * and (c - y A) x is at most what each column can add within its bounds, a group's pieces taken
 * as one piece a period. Unlike the restricted LP's value it bounds every plan at any y, so the
 * rounds can stop as soon as it is good enough. d receives the reduced costs.
 */
static double lagrangian(const rp_ilp *ilp, const rp_columns *bc, const rp_first_plan *fp,
                         const tiling *tilings, const bool *in_group, double *y, double *d,
                         double *best)
{
    size_t n = rp_ilp_n_cols(ilp), m = rp_ilp_n_rows(ilp);
    double value = rp_ilp_obj_constant(ilp);
    for (size_t i = 0; i < m; i++) {
        rp_sense sense = rp_ilp_row_sense(ilp, (int)i);
        if ((sense == RP_LE && y[i] < 0) || (sense == RP_GE && y[i] > 0))
            y[i] = 0;
        value += y[i] * rp_ilp_row_rhs(ilp, (int)i);
    }
    for (size_t j = 0; j < n; j++) {
        d[j] = reduced_cost(ilp, bc, y, (int)j);
        double lb, ub;
        rp_ilp_col_bounds(ilp, (int)j, &lb, &ub);
        if (ub <= 0 && lb >= 0)
            d[j] = -INFINITY; /* fixed at 0: no piece to take */
        else if (!in_group[j] || fp->shapes[j].kind < 0)
            value += best_within(d[j], lb, ub);
    }
    for (size_t g = 0; g < fp->n_groups; g++)
        value += best_tiling(&tilings[g], fp->shapes, d, best);
    return value;
}

int rp_lp_bound(const rp_ilp *ilp, const rp_first_plan *fp, const double *start, double enough,
                const rp_solve_options *opt, double *bound)
{
    size_t n = rp_ilp_n_cols(ilp), m = rp_ilp_n_rows(ilp);
    rp_guard guard;
    rp_guard_init(&guard, opt->interrupt, opt->time_limit);
    rp_columns bc;
    rp_columns_build(ilp, true, &bc);
    glp_prob *p = master_new(ilp);
    int *where = rp_xcalloc(n + 1, sizeof *where);
    bool *priced = rp_xcalloc(n + 1, sizeof *priced);
    for (size_t g = 0; g < fp->n_groups; g++)
        for (size_t i = 0; i < fp->sizes[g]; i++)
            priced[fp->groups[g][i]] = true;
    for (size_t j = 0; j < n; j++)
        if (!priced[j] || start[j] != 0)
            master_add(p, ilp, &bc, j, where);
    double *y = rp_xmalloc((m + 1) * sizeof *y);
    tiling *tilings = fp->shapes ? tilings_new(fp) : NULL;
    double *d = rp_xmalloc((n + 1) * sizeof *d);
    int horizon = 0;
    for (size_t g = 0; tilings && g < fp->n_groups; g++)
        if (tilings[g].horizon > horizon)
            horizon = tilings[g].horizon;
    double *best = rp_xmalloc(((size_t)horizon + 2) * sizeof *best);
    glp_smcp parm;
    glp_init_smcp(&parm);
    rp_guard_smcp(&parm);
    int err = -1;
    double lowest = INFINITY;
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
        double excess;
        size_t added = price(p, ilp, &bc, y, fp, where, &excess);
        double dual_bound = glp_get_obj_val(p) + excess;
        if (tilings && added > 0) {
            double l = lagrangian(ilp, &bc, fp, tilings, priced, y, d, best);
            if (l < dual_bound)
                dual_bound = l;
        }
        if (dual_bound > lowest)
            dual_bound = lowest; /* an earlier round's bound holds as well */
        lowest = dual_bound;
        if (added == 0 || dual_bound <= enough) {
            *bound = dual_bound;
            err = 0;
            break;
        }
    }
    if (p)
        glp_delete_prob(p);
    free(y);
    free(d);
    free(best);
    free(priced);
    if (tilings)
        tilings_free(tilings, fp->n_groups);
    free(where);
    rp_columns_free(&bc);
    return err;
}
