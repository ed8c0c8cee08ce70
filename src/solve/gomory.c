/*
 * gomory.c: Gomory mixed-integer cuts for the branch-and-cut callback (gomory.h). A cut comes
 * from the tableau row of a basic integer column with a fractional value: the row of the basis
 * inverse by glp_btran, then the row times the matrix, taken row by row over the rows where the
 * inverse's row is not zero (a few hundred nonzeros, not the whole matrix), then the mixed-integer
 * rounding of that row over the nonbasic variables, then the rows' auxiliary variables replaced by
 * their columns. The candidates and the filter (coefficients within 1e-3 .. 1e3, at most 50 cuts a
 * round, the most fractional first) are those of GLPK's generator, so the cuts are the same
 * inequalities; only the arithmetic is cheaper. Deterministic: the same problem gives the same
 * cuts in the same order.
 */
#include "solve/gomory.h"
#include "solve/fixing.h"
#include "util/util.h"

#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_CUTS = 50, MAX_ROOT_ROUNDS = 30, FLAT_ROUNDS = 3 };

void rp_gomory_free(rp_gomory *g)
{
    free(g->rho);
    free(g->alfa);
    free(g->phi);
    free(g->touched);
    free(g->ind);
    free(g->val);
    free(g->listed);
    free(g->stat);
    free(g->row_at);
    free(g->row_len);
    free(g->row_ind);
    free(g->row_val);
    memset(g, 0, sizeof *g);
}

/* Arrays for a problem of m rows and n columns (grown when cuts add rows). */
static void reserve(rp_gomory *g, int m, int n)
{
    if (g->rho && m <= g->m && n <= g->n)
        return;
    rp_gomory kept = *g; /* the round counters survive the growth */
    memset(&kept, 0, offsetof(rp_gomory, last_node));
    rp_gomory_free(g);
    *g = kept;
    m += 64; /* room for the cuts of a few rounds before the next growth */
    size_t mn = (size_t)m + (size_t)n + 1;
    g->m = m;
    g->n = n;
    g->rho = rp_xcalloc((size_t)m + 1, sizeof *g->rho);
    g->alfa = rp_xcalloc(mn, sizeof *g->alfa);
    g->phi = rp_xcalloc(mn, sizeof *g->phi);
    g->touched = rp_xcalloc(mn, sizeof *g->touched);
    g->ind = rp_xcalloc((size_t)n + 1, sizeof *g->ind);
    g->val = rp_xcalloc((size_t)n + 1, sizeof *g->val);
    g->listed = rp_xcalloc(mn, sizeof *g->listed);
    g->stat = rp_xcalloc(mn, sizeof *g->stat);
    g->row_at = rp_xcalloc((size_t)m + 1, sizeof *g->row_at);
    g->row_len = rp_xcalloc((size_t)m + 1, sizeof *g->row_len);
}

void rp_gomory_begin(rp_gomory *g, glp_prob *p)
{
    int m = glp_get_num_rows(p), n = glp_get_num_cols(p);
    reserve(g, m, n);
    for (int i = 1; i <= m; i++) {
        g->stat[i] = glp_get_row_stat(p, i);
        g->row_at[i] = -1;
    }
    for (int j = 1; j <= n; j++)
        g->stat[m + j] = glp_get_col_stat(p, j);
    g->row_used = 0;
}

/* Row r of p's matrix as ind/val[1..len] (the call's copy: read from GLPK the first time). */
static int mat_row(rp_gomory *g, glp_prob *p, int r, const int **ind, const double **val)
{
    if (g->row_at[r] < 0) {
        int len = glp_get_mat_row(p, r, g->ind, g->val);
        size_t need = g->row_used + (size_t)len + 1;
        if (need > g->row_cap) {
            g->row_cap = 2 * need;
            g->row_ind = rp_xrealloc(g->row_ind, g->row_cap * sizeof *g->row_ind);
            g->row_val = rp_xrealloc(g->row_val, g->row_cap * sizeof *g->row_val);
        }
        g->row_at[r] = (int)g->row_used;
        g->row_len[r] = len;
        memcpy(g->row_ind + g->row_used + 1, g->ind + 1, (size_t)len * sizeof *g->ind);
        memcpy(g->row_val + g->row_used + 1, g->val + 1, (size_t)len * sizeof *g->val);
        g->row_used = need;
    }
    *ind = g->row_ind + g->row_at[r];
    *val = g->row_val + g->row_at[r];
    return g->row_len[r];
}

/* alfa[k] += v for nonbasic k, listing k the first time. */
static void add_to(rp_gomory *g, int *len, int k, double v)
{
    if (!g->listed[k]) {
        g->listed[k] = true;
        g->touched[++*len] = k;
    }
    g->alfa[k] += v;
}

int rp_gomory_tableau_row(rp_gomory *g, glp_prob *p, int j)
{
    rp_gomory_begin(g, p);
    return rp_gomory_row_of(g, p, j);
}

int rp_gomory_row_of(rp_gomory *g, glp_prob *p, int j)
{
    int m = glp_get_num_rows(p);
    int i = glp_get_col_bind(p, j);
    if (i < 1)
        return 0;
    for (int r = 1; r <= m; r++)
        g->rho[r] = 0;
    g->rho[i] = 1;
    glp_btran(p, g->rho);
    int len = 0;
    for (int r = 1; r <= m; r++) {
        double rho = g->rho[r];
        if (rho == 0)
            continue;
        if (g->stat[r] != GLP_BS)
            add_to(g, &len, r, -rho);
        const int *ind;
        const double *val;
        int row_len = mat_row(g, p, r, &ind, &val);
        for (int t = 1; t <= row_len; t++) {
            int k = m + ind[t];
            if (g->stat[k] != GLP_BS)
                add_to(g, &len, k, rho * val[t]);
        }
    }
    for (int t = 1; t <= len; t++)
        g->listed[g->touched[t]] = false;
    return len;
}

static void clear_alfa(rp_gomory *g, int len)
{
    for (int t = 1; t <= len; t++)
        g->alfa[g->touched[t]] = 0;
}

static double frac_part(double x)
{
    return x - floor(x);
}

/* The variable's kind, bounds and status: rows are continuous. */
typedef struct var_info {
    bool integer;
    double lb, ub;
    int stat;
} var_info;

static var_info info_of(glp_prob *p, int m, int k)
{
    var_info v;
    if (k <= m) {
        v.integer = false;
        v.lb = glp_get_row_lb(p, k);
        v.ub = glp_get_row_ub(p, k);
        v.stat = glp_get_row_stat(p, k);
    } else {
        v.integer = glp_get_col_kind(p, k - m) != GLP_CV;
        v.lb = glp_get_col_lb(p, k - m);
        v.ub = glp_get_col_ub(p, k - m);
        v.stat = glp_get_col_stat(p, k - m);
    }
    return v;
}

/* The cut's coefficient on nonbasic variable k of tableau entry ksi (phi[k], *rhs updated).
 * Returns false when no valid cut comes from this row (a free nonbasic variable). */
static bool cut_term(glp_prob *p, int m, int k, double ksi, double f0, double *phi, double *rhs)
{
    var_info v = info_of(p, m, k);
    double a;
    switch (v.stat) {
    case GLP_NL:
        a = -ksi;
        break;
    case GLP_NU:
        a = ksi;
        break;
    case GLP_NS:
        return true; /* fixed: no term */
    default:
        return false; /* free (GLP_NF) */
    }
    double c;
    if (v.integer) {
        if (fabs(a - floor(a + 0.5)) < 1e-10)
            return true;
        double fa = frac_part(a);
        c = fa <= f0 ? fa : f0 / (1 - f0) * (1 - fa);
    } else {
        c = a >= 0 ? a : f0 / (1 - f0) * -a;
    }
    if (v.stat == GLP_NL) {
        phi[k] = c;
        *rhs += c * v.lb;
    } else {
        phi[k] = -c;
        *rhs -= c * v.ub;
    }
    return true;
}

/* The Gomory cut of basic integer column j into g->ind/val[1..len] >= *rhs over the columns.
 * Returns len, or 0 when this row gives no usable cut. */
static int gomory_cut(rp_gomory *g, glp_prob *p, int j, double *rhs)
{
    int m = glp_get_num_rows(p), n = glp_get_num_cols(p);
    double beta = glp_get_col_prim(p, j), f0 = frac_part(beta);
    if (fabs(beta - floor(beta + 0.5)) < 0.001)
        return 0;
    int len = rp_gomory_row_of(g, p, j);
    double *phi = g->phi;
    *rhs = f0;
    bool ok = true;
    for (int t = 1; t <= len && ok; t++) {
        int k = g->touched[t];
        double ksi = g->alfa[k];
        if (fabs(ksi) > 1e5)
            ok = false;
        else if (fabs(ksi) >= 1e-10)
            ok = cut_term(p, m, k, ksi, f0, phi, rhs);
    }
    clear_alfa(g, len);
    /* the rows' auxiliary variables by their columns (x_row = the row's sum over columns) */
    int n_rows_used = 0;
    for (int t = 1; t <= len; t++)
        if (g->touched[t] <= m)
            g->touched[++n_rows_used] = g->touched[t];
    int cut = 0;
    for (int t = 1; t <= n_rows_used && ok; t++) {
        int r = g->touched[t];
        double c = phi[r];
        phi[r] = 0;
        if (fabs(c) < 1e-10)
            continue;
        const int *ind;
        const double *val;
        int row_len = mat_row(g, p, r, &ind, &val);
        for (int s = 1; s <= row_len; s++)
            phi[m + ind[s]] += c * val[s];
    }
    for (int t = 1; t <= n_rows_used; t++)
        phi[g->touched[t]] = 0;
    /* the columns: every one phi may hold (dense pass over n, cheap beside a row of the
     * matrix), the fixed ones to the right-hand side */
    for (int c = 1; c <= n; c++) {
        double v = phi[m + c];
        if (v == 0)
            continue;
        phi[m + c] = 0;
        if (!ok || fabs(v) < 1e-10)
            continue;
        if (glp_get_col_type(p, c) == GLP_FX) {
            *rhs -= v * glp_get_col_lb(p, c);
        } else {
            cut++;
            g->ind[cut] = c;
            g->val[cut] = v;
        }
    }
    if (fabs(*rhs) < 1e-12)
        *rhs = 0;
    return ok ? cut : 0;
}

typedef struct cand_key {
    int j;
    double f; /* the fractional part of its value */
} cand_key;

/* GLPK's order: the largest fractional part first (measured: the order by distance to the
 * nearest integer left the ten-cohort radiology problem unproven after 120 s, BENCHMARKS.md) */
static int by_fraction(const void *a, const void *b)
{
    const cand_key *x = a, *y = b;
    if (x->f != y->f)
        return x->f > y->f ? -1 : 1;
    return (x->j > y->j) - (x->j < y->j);
}

/* The basic integer columns with a fractional part within 0.05 .. 0.95, in by_fraction's order. */
static int candidates(glp_prob *p, cand_key *keys)
{
    int n = glp_get_num_cols(p), nv = 0;
    for (int j = 1; j <= n; j++) {
        if (glp_get_col_kind(p, j) == GLP_CV || glp_get_col_type(p, j) == GLP_FX ||
            glp_get_col_stat(p, j) != GLP_BS)
            continue;
        double f = frac_part(glp_get_col_prim(p, j));
        if (f < 0.05 || f > 0.95)
            continue;
        keys[nv].j = j;
        keys[nv].f = f;
        nv++;
    }
    qsort(keys, (size_t)nv, sizeof *keys, by_fraction);
    return nv;
}

static bool well_scaled(const double *val, int len)
{
    for (int k = 1; k <= len; k++)
        if (fabs(val[k]) < 1e-3 || fabs(val[k]) > 1e3)
            return false;
    return true;
}

/* Whether the root gets another round at LP bound `bound`: while its bound moves (at most
 * MAX_ROOT_ROUNDS; stop after more than FLAT_ROUNDS that move it by less than 1e-4 relative). */
static bool root_round_due(rp_gomory *g, double bound)
{
    if (g->root_done)
        return false;
    if (g->rounds > 0) {
        if (fabs(bound - g->last_bound) < 1e-4 * (1 + fabs(g->last_bound)))
            g->flat++;
        else
            g->flat = 0;
    }
    g->last_bound = bound;
    if (g->flat > FLAT_ROUNDS || g->rounds >= MAX_ROOT_ROUNDS)
        return false;
    g->rounds++;
    return true;
}

/* Whether this callback's node gets a round: the root as root_round_due says, another node
 * once. */
static bool round_due(rp_gomory *g, glp_tree *tree, glp_prob *p)
{
    int node = glp_ios_curr_node(tree);
    if (glp_ios_node_level(tree, node) != 0) {
        if (node == g->last_node)
            return false;
        g->last_node = node; /* this node's round is done */
        return true;
    }
    return root_round_due(g, glp_get_obj_val(p));
}

/* The cuts of one round, kept until every tableau row is computed (adding a row to the problem
 * invalidates the factorisation the rows come from). */
typedef struct cut_buf {
    int *ind;
    double *val;
    size_t used, cap;
    int start[MAX_CUTS + 1];
    double rhs[MAX_CUTS];
    int n;
} cut_buf;

static void keep_cut(cut_buf *b, const int *ind, const double *val, int len, double rhs)
{
    if (b->used + (size_t)len > b->cap) {
        b->cap = 2 * (b->used + (size_t)len);
        b->ind = rp_xrealloc(b->ind, b->cap * sizeof *b->ind);
        b->val = rp_xrealloc(b->val, b->cap * sizeof *b->val);
    }
    b->start[b->n] = (int)b->used;
    memcpy(b->ind + b->used, ind + 1, (size_t)len * sizeof *ind);
    memcpy(b->val + b->used, val + 1, (size_t)len * sizeof *val);
    b->used += (size_t)len;
    b->rhs[b->n++] = rhs;
    b->start[b->n] = (int)b->used;
}

/* The cuts as rows of the node's problem: GLPK then solves the node again (glp_add_rows in the
 * callback sets its re-optimisation flag) without its own selection among a pool, which costs a
 * pass over the matrix per cut (glp_transform_row). */
static void add_cuts(rp_gomory *g, glp_prob *p, const cut_buf *b)
{
    if (b->n == 0)
        return;
    int first = glp_add_rows(p, b->n);
    for (int c = 0; c < b->n; c++) {
        int len = b->start[c + 1] - b->start[c];
        memcpy(g->ind + 1, b->ind + b->start[c], (size_t)len * sizeof *g->ind);
        memcpy(g->val + 1, b->val + b->start[c], (size_t)len * sizeof *g->val);
        glp_set_mat_row(p, first + c, len, g->ind, g->val);
        glp_set_row_bnds(p, first + c, GLP_LO, b->rhs[c], 0);
    }
}

/* One round on p's LP optimum (its factorisation valid): the cuts added as rows. Returns how
 * many. */
static int one_round(rp_gomory *g, glp_prob *p)
{
    int n = glp_get_num_cols(p);
    rp_gomory_begin(g, p);
    cand_key *keys = rp_xmalloc(((size_t)n + 1) * sizeof *keys);
    int nv = candidates(p, keys);
    cut_buf b = {0};
    for (int t = 0; t < nv && b.n < MAX_CUTS; t++) {
        double rhs;
        int len = gomory_cut(g, p, keys[t].j, &rhs);
        if (len >= 1 && well_scaled(g->val, len))
            keep_cut(&b, g->ind, g->val, len, rhs);
    }
    free(keys);
    add_cuts(g, p, &b);
    free(b.ind);
    free(b.val);
    return b.n;
}

int rp_gomory_round(rp_gomory *g, glp_tree *tree)
{
    glp_prob *p = glp_ios_get_prob(tree);
    if (!round_due(g, tree, p))
        return 0;
    return one_round(g, p);
}

/* The dual simplex from p's basis (after cuts were added or slack ones deleted). Returns 0 when
 * p holds an optimal basis again; RP_GUARD_STOPPED; GLP_ETMLIM (the time limit, GLPK's tm_lim);
 * GLP_EFAIL otherwise. */
static int resolve(glp_prob *p, rp_guard *guard)
{
    glp_smcp smcp;
    glp_init_smcp(&smcp);
    rp_guard_smcp(&smcp);
    smcp.meth = GLP_DUALP;
    int ret = rp_guard_simplex(guard, p, &smcp);
    if (ret == RP_GUARD_STOPPED || ret == GLP_ETMLIM)
        return ret;
    return ret == 0 && glp_get_status(p) == GLP_OPT ? 0 : GLP_EFAIL;
}

/* Deletes the rows after the first m0 whose cut is slack at p's optimum (basic auxiliary
 * variable): they would only make every node's LP larger. */
static void delete_slack_cuts(glp_prob *p, int m0)
{
    int m = glp_get_num_rows(p), k = 0;
    int *rows = rp_xmalloc(((size_t)(m - m0) + 1) * sizeof *rows);
    for (int i = m0 + 1; i <= m; i++)
        if (glp_get_row_stat(p, i) == GLP_BS)
            rows[++k] = i;
    if (k > 0)
        glp_del_rows(p, k, rows);
    free(rows);
}

/* Whether p's LP bound has reached stop_at (a plan that good is known). */
static bool reached(glp_prob *p, double stop_at)
{
    double bound = glp_get_obj_val(p);
    return glp_get_obj_dir(p) == GLP_MAX ? bound <= stop_at : bound >= stop_at;
}

int rp_gomory_root(rp_gomory *g, glp_prob *p, double stop_at, double best, rp_guard *guard)
{
    int m0 = glp_get_num_rows(p), ret = 0;
    rp_fix_by_reduced_cost(p, best);
    while (ret == 0 && !reached(p, stop_at) && root_round_due(g, glp_get_obj_val(p)) &&
           one_round(g, p) > 0) {
        ret = resolve(p, guard);
        if (ret == 0)
            rp_fix_by_reduced_cost(p, best); /* the lower bound leaves less room */
    }
    g->root_done = true;
    if (ret == 0 && glp_get_num_rows(p) > m0) {
        delete_slack_cuts(p, m0);
        ret = resolve(p, guard);
    }
    return ret;
}
