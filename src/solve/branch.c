/*
 * branch.c: the branching choice of the branch-and-cut callback (gomory.h rp_branch_choose):
 * Driebeck and Tomlin's estimate, the rule GLPK's br_tech GLP_BR_DTH applies, from the cheap
 * tableau rows of gomory.c instead of GLPK's pass over the whole matrix per candidate. For each
 * fractional column the dual ratio test (glp_dual_rtest) gives the nonbasic variable that enters
 * when the column is pushed down to its floor or up to its ceiling; the objective changes by its
 * reduced cost times its change (at least one when it is integer, Tomlin). The column whose
 * larger change is largest is branched on, the branch of the smaller change first. When no
 * estimate says anything (every change about 0), the most fractional column is taken.
 */
#include "solve/gomory.h"
#include "util/util.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>

/* The objective's change (<= 0 when maximising, >= 0 when minimising; +-DBL_MAX when that branch
 * has no solution) when column j of value x is pushed to floor (kase -1) or ceil (kase +1),
 * from its tableau row ind/val[1..len] over variables 1..m+n. */
static double change(glp_prob *p, int m, const int *ind, const double *val, int len, double x,
                     int kase)
{
    bool maximise = glp_get_obj_dir(p) == GLP_MAX;
    int pos = glp_dual_rtest(p, len, ind, val, kase, 1e-9);
    if (pos == 0)
        return maximise ? -DBL_MAX : DBL_MAX;
    int k = ind[pos];
    double dj = (kase < 0 ? floor(x) : ceil(x)) - x, dk = dj / val[pos];
    bool integer = k > m && glp_get_col_kind(p, k - m) != GLP_CV;
    if (integer && fabs(dk - floor(dk + 0.5)) > 1e-3)
        dk = dk > 0 ? ceil(dk) : floor(dk);
    int stat = k <= m ? glp_get_row_stat(p, k) : glp_get_col_stat(p, k - m);
    double d = k <= m ? glp_get_row_dual(p, k) : glp_get_col_dual(p, k - m);
    /* a reduced cost of the wrong sign is round-off in a degenerate basis: 0 */
    bool wrong = maximise ? (stat == GLP_NL && d > 0) || (stat == GLP_NU && d < 0)
                          : (stat == GLP_NL && d < 0) || (stat == GLP_NU && d > 0);
    if (wrong || stat == GLP_NF)
        d = 0;
    double dz = d * dk;
    return maximise ? fmin(dz, 0) : fmax(dz, 0);
}

/* The tableau row of column j as lists ind/val[1..len] (g->ind and g->val hold n + 1 entries:
 * the row has at most n nonbasic entries, m + n - m basic ones left out). */
static int row_lists(rp_gomory *g, glp_prob *p, int j, int **ind, double **val)
{
    int len = rp_gomory_row_of(g, p, j), out = 0;
    *ind = rp_xmalloc(((size_t)len + 1) * sizeof **ind);
    *val = rp_xmalloc(((size_t)len + 1) * sizeof **val);
    for (int t = 1; t <= len; t++) {
        int k = g->touched[t];
        if (g->alfa[k] != 0) {
            out++;
            (*ind)[out] = k;
            (*val)[out] = g->alfa[k];
        }
        g->alfa[k] = 0;
    }
    return out;
}

/* The most fractional branchable column (ties: the lowest), with its nearer side first. */
static int most_fractional(glp_tree *tree, glp_prob *p, int *sel)
{
    int n = glp_get_num_cols(p), best = 0;
    double best_d = -1;
    for (int j = 1; j <= n; j++) {
        if (!glp_ios_can_branch(tree, j))
            continue;
        double x = glp_get_col_prim(p, j), f = x - floor(x), d = fmin(f, 1 - f);
        if (d > best_d) {
            best_d = d;
            best = j;
            *sel = f < 0.5 ? GLP_DN_BRNCH : GLP_UP_BRNCH;
        }
    }
    return best;
}

void rp_branch_choose(rp_gomory *g, glp_tree *tree)
{
    glp_prob *p = glp_ios_get_prob(tree);
    int m = glp_get_num_rows(p), n = glp_get_num_cols(p);
    int best = 0, sel = GLP_DN_BRNCH;
    rp_gomory_begin(g, p);
    double degrad = -1;
    for (int j = 1; j <= n && degrad < DBL_MAX; j++) {
        if (!glp_ios_can_branch(tree, j))
            continue;
        int *ind;
        double *val;
        int len = row_lists(g, p, j, &ind, &val);
        double x = glp_get_col_prim(p, j);
        double dn = fabs(change(p, m, ind, val, len, x, -1));
        double up = fabs(change(p, m, ind, val, len, x, +1));
        free(ind);
        free(val);
        if (degrad < dn || degrad < up) {
            best = j;
            sel = dn < up ? GLP_DN_BRNCH : GLP_UP_BRNCH;
            degrad = dn < up ? up : dn;
        }
    }
    if (best == 0)
        return; /* nothing to branch on: GLPK's own rule */
    if (degrad < 1e-6 * (1 + 1e-3 * fabs(glp_get_obj_val(p))))
        best = most_fractional(tree, p, &sel);
    if (best)
        glp_ios_branch_upon(tree, best, sel);
}
