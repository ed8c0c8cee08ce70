/*
 * ilp.c: the ILP of ilp.h (columns, rows tagged with the rule they come from, the objective), and
 * the one place that turns it into a GLPK problem (rp_ilp_to_glpk, used by solve/solve.c and by
 * the LP/MPS export). Rows are normalised as they are added: repeated columns merged, constants
 * moved to the right-hand side; a row left with no column is judged at once (holds: dropped;
 * fails: kept in the list of structural violations); an exact duplicate of an earlier row is
 * dropped (segments of equal months give equal rows).
 */
#include "rotaplan/ilp.h"
#include "translate/glpk_bridge.h"
#include "util/util.h"

#include <errno.h>
#include <glpk.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct col {
    char *name;
    rp_col_kind kind;
    double lb, ub, obj;
} col;

typedef struct row {
    char *name;
    rp_sense sense;
    double rhs;
    size_t start, n; /* terms in the shared arrays */
    rp_row_tag tag;
    uint64_t hash;
} row;

typedef struct violated {
    char *name;
    rp_row_tag tag;
} violated;

struct rp_ilp {
    col *cols;
    size_t n_cols, cap_cols;
    row *rows;
    size_t n_rows, cap_rows;
    int *term_col;
    double *term_coef;
    size_t n_terms, cap_terms;
    violated *violated;
    size_t n_violated, cap_violated;
    double obj_constant;
    /* open-addressing hash of row indices, for duplicate detection */
    int *table;
    size_t table_size;
};

/* ---- expressions ---- */

void rp_expr_free(rp_expr *e)
{
    free(e->col);
    free(e->coef);
    memset(e, 0, sizeof *e);
}

void rp_expr_clear(rp_expr *e)
{
    e->n = 0;
    e->constant = 0;
}

void rp_expr_add(rp_expr *e, int c, double coef)
{
    if (coef == 0)
        return;
    if (e->n == e->cap) {
        size_t cap = e->cap;
        rp_grow(&e->col, &cap, e->n + 1, sizeof *e->col);
        rp_grow(&e->coef, &e->cap, e->n + 1, sizeof *e->coef);
    }
    e->col[e->n] = c;
    e->coef[e->n] = coef;
    e->n++;
}

void rp_expr_add_constant(rp_expr *e, double c)
{
    e->constant += c;
}

/* Rows at most this long are sorted by insertion; longer ones by merging. */
enum { INSERTION_MAX = 32 };

static void insertion_sort(int *cs, double *coef, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        int c = cs[i];
        double v = coef[i];
        size_t j = i;
        while (j > 0 && cs[j - 1] > c) {
            cs[j] = cs[j - 1];
            coef[j] = coef[j - 1];
            j--;
        }
        cs[j] = c;
        coef[j] = v;
    }
}

/* Stable merge sort of cs[0..n) (coef alongside), tcs/tcoef scratch of n: the same order as
 * the insertion sort, so that repeated columns are summed in the same order (the same bits). */
static void merge_sort(int *cs, double *coef, int *tcs, double *tcoef, size_t n)
{
    if (n <= INSERTION_MAX) {
        insertion_sort(cs, coef, n);
        return;
    }
    size_t h = n / 2;
    merge_sort(cs, coef, tcs, tcoef, h);
    merge_sort(cs + h, coef + h, tcs + h, tcoef + h, n - h);
    if (cs[h - 1] <= cs[h])
        return;
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n) {
        bool left = cs[i] <= cs[j];
        tcs[k] = left ? cs[i] : cs[j];
        tcoef[k++] = left ? coef[i++] : coef[j++];
    }
    while (i < h) {
        tcs[k] = cs[i];
        tcoef[k++] = coef[i++];
    }
    while (j < n) {
        tcs[k] = cs[j];
        tcoef[k++] = coef[j++];
    }
    memcpy(cs, tcs, n * sizeof *cs);
    memcpy(coef, tcoef, n * sizeof *coef);
}

static bool sorted(const int *cs, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (cs[i - 1] > cs[i])
            return false;
    return true;
}

void rp_expr_normalize(rp_expr *e)
{
    /* by column, stably (a capacity row holds every piece of its place and week: thousands) */
    if (e->n <= INSERTION_MAX) {
        insertion_sort(e->col, e->coef, e->n);
    } else if (!sorted(e->col, e->n)) {
        int *tcol = rp_xmalloc(e->n * sizeof *tcol);
        double *tcoef = rp_xmalloc(e->n * sizeof *tcoef);
        merge_sort(e->col, e->coef, tcol, tcoef, e->n);
        free(tcol);
        free(tcoef);
    }
    size_t out = 0;
    for (size_t i = 0; i < e->n; i++) {
        if (out > 0 && e->col[out - 1] == e->col[i]) {
            e->coef[out - 1] += e->coef[i];
            continue;
        }
        e->col[out] = e->col[i];
        e->coef[out] = e->coef[i];
        out++;
    }
    size_t kept = 0;
    for (size_t i = 0; i < out; i++) {
        if (fabs(e->coef[i]) < 1e-12)
            continue;
        e->col[kept] = e->col[i];
        e->coef[kept] = e->coef[i];
        kept++;
    }
    e->n = kept;
}

/* ---- the problem ---- */

rp_ilp *rp_ilp_new(void)
{
    return rp_xcalloc(1, sizeof(rp_ilp));
}

void rp_ilp_free(rp_ilp *ilp)
{
    if (!ilp)
        return;
    for (size_t i = 0; i < ilp->n_cols; i++)
        free(ilp->cols[i].name);
    for (size_t i = 0; i < ilp->n_rows; i++)
        free(ilp->rows[i].name);
    for (size_t i = 0; i < ilp->n_violated; i++)
        free(ilp->violated[i].name);
    free(ilp->cols);
    free(ilp->rows);
    free(ilp->term_col);
    free(ilp->term_coef);
    free(ilp->violated);
    free(ilp->table);
    free(ilp);
}

static bool valid_name(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || n > 255)
        return false;
    for (const char *p = name; *p; p++) {
        char c = *p;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_'))
            return false;
    }
    return true;
}

int rp_ilp_add_col(rp_ilp *ilp, const char *name, rp_col_kind kind, double lb, double ub)
{
    if (!valid_name(name)) {
        fprintf(stderr, "rotaplan: internal error: invalid ILP column name '%s'\n", name);
        abort();
    }
    col *c = RP_PUSH(ilp->cols, ilp->n_cols, ilp->cap_cols);
    c->name = rp_xstrdup(name);
    c->kind = kind;
    c->lb = kind == RP_COL_BINARY ? fmax(0, lb) : lb;
    c->ub = kind == RP_COL_BINARY ? fmin(1, ub) : ub;
    c->obj = 0;
    return (int)(ilp->n_cols - 1);
}

void rp_ilp_add_obj(rp_ilp *ilp, int c, double coef)
{
    ilp->cols[c].obj += coef;
}

void rp_ilp_add_obj_constant(rp_ilp *ilp, double c)
{
    ilp->obj_constant += c;
}

void rp_ilp_set_col_bounds(rp_ilp *ilp, int c, double lb, double ub)
{
    ilp->cols[c].lb = lb;
    ilp->cols[c].ub = ub;
}

void rp_ilp_set_obj(rp_ilp *ilp, const double *coef, double c)
{
    for (size_t j = 0; j < ilp->n_cols; j++)
        ilp->cols[j].obj = coef[j];
    ilp->obj_constant = c;
}

static uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h;
}

static uint64_t row_hash(const rp_expr *e, rp_sense sense, double rhs)
{
    uint64_t h = mix(0, (uint64_t)sense);
    uint64_t bits;
    memcpy(&bits, &rhs, sizeof bits);
    h = mix(h, bits);
    for (size_t i = 0; i < e->n; i++) {
        h = mix(h, (uint64_t)e->col[i]);
        memcpy(&bits, &e->coef[i], sizeof bits);
        h = mix(h, bits);
    }
    return h;
}

static bool same_row(const rp_ilp *ilp, const row *r, const rp_expr *e, rp_sense sense,
                     double rhs)
{
    if (r->sense != sense || r->rhs != rhs || r->n != e->n)
        return false;
    return memcmp(ilp->term_col + r->start, e->col, e->n * sizeof *e->col) == 0 &&
           memcmp(ilp->term_coef + r->start, e->coef, e->n * sizeof *e->coef) == 0;
}

static void table_insert(rp_ilp *ilp, int index);

static void table_rehash(rp_ilp *ilp)
{
    free(ilp->table);
    ilp->table_size = ilp->table_size ? ilp->table_size * 2 : 1024;
    ilp->table = rp_xmalloc(ilp->table_size * sizeof *ilp->table);
    for (size_t i = 0; i < ilp->table_size; i++)
        ilp->table[i] = -1;
    for (size_t i = 0; i < ilp->n_rows; i++)
        table_insert(ilp, (int)i);
}

static void table_insert(rp_ilp *ilp, int index)
{
    size_t mask = ilp->table_size - 1;
    size_t k = ilp->rows[index].hash & mask;
    while (ilp->table[k] >= 0)
        k = (k + 1) & mask;
    ilp->table[k] = index;
}

static bool is_duplicate(const rp_ilp *ilp, uint64_t h, const rp_expr *e, rp_sense sense,
                         double rhs)
{
    if (!ilp->table)
        return false;
    size_t mask = ilp->table_size - 1;
    for (size_t k = h & mask; ilp->table[k] >= 0; k = (k + 1) & mask) {
        const row *r = &ilp->rows[ilp->table[k]];
        if (r->hash == h && same_row(ilp, r, e, sense, rhs))
            return true;
    }
    return false;
}

static bool constant_holds(rp_sense sense, double rhs)
{
    const double tol = 1e-9;
    switch (sense) {
    case RP_LE:
        return 0 <= rhs + tol;
    case RP_GE:
        return 0 >= rhs - tol;
    case RP_EQ:
        return fabs(rhs) <= tol;
    }
    return false;
}

int rp_ilp_add_row(rp_ilp *ilp, const char *name, rp_expr *e, rp_sense sense, double rhs,
                   rp_row_tag tag)
{
    rp_expr_normalize(e);
    rhs -= e->constant;
    e->constant = 0;
    if (e->n == 0) {
        if (constant_holds(sense, rhs))
            return RP_ROW_HOLDS;
        violated *v = RP_PUSH(ilp->violated, ilp->n_violated, ilp->cap_violated);
        v->name = rp_xstrdup(name);
        v->tag = tag;
        return RP_ROW_VIOLATED;
    }
    if (!valid_name(name)) {
        fprintf(stderr, "rotaplan: internal error: invalid ILP row name '%s'\n", name);
        abort();
    }
    uint64_t h = row_hash(e, sense, rhs);
    if (is_duplicate(ilp, h, e, sense, rhs))
        return RP_ROW_DUPLICATE;
    size_t cap = ilp->cap_terms;
    rp_grow(&ilp->term_col, &cap, ilp->n_terms + e->n, sizeof *ilp->term_col);
    rp_grow(&ilp->term_coef, &ilp->cap_terms, ilp->n_terms + e->n, sizeof *ilp->term_coef);
    memcpy(ilp->term_col + ilp->n_terms, e->col, e->n * sizeof *e->col);
    memcpy(ilp->term_coef + ilp->n_terms, e->coef, e->n * sizeof *e->coef);
    row *r = RP_PUSH(ilp->rows, ilp->n_rows, ilp->cap_rows);
    r->name = rp_xstrdup(name);
    r->sense = sense;
    r->rhs = rhs;
    r->start = ilp->n_terms;
    r->n = e->n;
    r->tag = tag;
    r->hash = h;
    ilp->n_terms += e->n;
    if ((ilp->n_rows + 1) * 2 > ilp->table_size)
        table_rehash(ilp);
    else
        table_insert(ilp, (int)(ilp->n_rows - 1));
    return (int)(ilp->n_rows - 1);
}

size_t rp_ilp_n_cols(const rp_ilp *ilp) { return ilp->n_cols; }
size_t rp_ilp_n_rows(const rp_ilp *ilp) { return ilp->n_rows; }
size_t rp_ilp_n_nonzeros(const rp_ilp *ilp) { return ilp->n_terms; }

size_t rp_ilp_n_integer(const rp_ilp *ilp)
{
    size_t n = 0;
    for (size_t i = 0; i < ilp->n_cols; i++)
        n += ilp->cols[i].kind != RP_COL_CONTINUOUS;
    return n;
}

const char *rp_ilp_col_name(const rp_ilp *ilp, int c) { return ilp->cols[c].name; }
rp_col_kind rp_ilp_col_kind(const rp_ilp *ilp, int c) { return ilp->cols[c].kind; }
double rp_ilp_col_obj(const rp_ilp *ilp, int c) { return ilp->cols[c].obj; }
double rp_ilp_obj_constant(const rp_ilp *ilp) { return ilp->obj_constant; }

void rp_ilp_col_bounds(const rp_ilp *ilp, int c, double *lb, double *ub)
{
    *lb = ilp->cols[c].lb;
    *ub = ilp->cols[c].ub;
}

const char *rp_ilp_row_name(const rp_ilp *ilp, int r) { return ilp->rows[r].name; }
rp_row_tag rp_ilp_row_tag(const rp_ilp *ilp, int r) { return ilp->rows[r].tag; }
rp_sense rp_ilp_row_sense(const rp_ilp *ilp, int r) { return ilp->rows[r].sense; }
double rp_ilp_row_rhs(const rp_ilp *ilp, int r) { return ilp->rows[r].rhs; }

void rp_ilp_row_terms(const rp_ilp *ilp, int r, const int **c, const double **coef, size_t *n)
{
    *c = ilp->term_col + ilp->rows[r].start;
    *coef = ilp->term_coef + ilp->rows[r].start;
    *n = ilp->rows[r].n;
}

size_t rp_ilp_n_violated(const rp_ilp *ilp) { return ilp->n_violated; }
const char *rp_ilp_violated_name(const rp_ilp *ilp, size_t i) { return ilp->violated[i].name; }
rp_row_tag rp_ilp_violated_tag(const rp_ilp *ilp, size_t i) { return ilp->violated[i].tag; }

double rp_ilp_row_activity(const rp_ilp *ilp, int r, const double *x)
{
    const row *rw = &ilp->rows[r];
    double a = 0;
    for (size_t i = 0; i < rw->n; i++)
        a += ilp->term_coef[rw->start + i] * x[ilp->term_col[rw->start + i]];
    return a;
}

bool rp_ilp_row_holds(const rp_ilp *ilp, int r, const double *x, double tol)
{
    double a = rp_ilp_row_activity(ilp, r, x);
    const row *rw = &ilp->rows[r];
    switch (rw->sense) {
    case RP_LE:
        return a <= rw->rhs + tol;
    case RP_GE:
        return a >= rw->rhs - tol;
    case RP_EQ:
        return fabs(a - rw->rhs) <= tol;
    }
    return false;
}

bool rp_ilp_holds(const rp_ilp *ilp, const double *x, double tol)
{
    for (size_t i = 0; i < ilp->n_rows; i++)
        if (!rp_ilp_row_holds(ilp, (int)i, x, tol))
            return false;
    return true;
}

double rp_ilp_objective(const rp_ilp *ilp, const double *x)
{
    double v = ilp->obj_constant;
    for (size_t i = 0; i < ilp->n_cols; i++)
        v += ilp->cols[i].obj * x[i];
    return v;
}

/* ---- GLPK ---- */

int rp_glpk_kind(rp_col_kind k)
{
    return k == RP_COL_BINARY ? GLP_BV : k == RP_COL_INTEGER ? GLP_IV : GLP_CV;
}

void rp_glpk_set_bounds(glp_prob *p, int j, double lb, double ub, bool is_row)
{
    bool has_lb = isfinite(lb), has_ub = isfinite(ub);
    int type = has_lb && has_ub ? (lb == ub ? GLP_FX : GLP_DB)
               : has_lb         ? GLP_LO
               : has_ub         ? GLP_UP
                                : GLP_FR;
    lb = has_lb ? lb : 0;
    ub = has_ub ? ub : 0;
    if (is_row)
        glp_set_row_bnds(p, j, type, lb, ub);
    else
        glp_set_col_bnds(p, j, type, lb, ub);
}

void rp_glpk_set_row(glp_prob *p, int i, rp_sense sense, double rhs)
{
    glp_set_row_bnds(p, i, sense == RP_LE ? GLP_UP : sense == RP_GE ? GLP_LO : GLP_FX, rhs, rhs);
}

glp_prob *rp_ilp_to_glpk(const rp_ilp *ilp, const double *fix_lb, const double *fix_ub,
                         int skip_rule)
{
    glp_prob *p = glp_create_prob();
    glp_set_prob_name(p, "rotaplan");
    glp_set_obj_dir(p, GLP_MAX);
    glp_set_obj_coef(p, 0, ilp->obj_constant);
    if (ilp->n_cols)
        glp_add_cols(p, (int)ilp->n_cols);
    for (size_t i = 0; i < ilp->n_cols; i++) {
        const col *c = &ilp->cols[i];
        int j = (int)i + 1;
        glp_set_col_name(p, j, c->name);
        glp_set_col_kind(p, j, rp_glpk_kind(c->kind));
        double lb = c->lb, ub = c->ub;
        if (fix_lb && !isnan(fix_lb[i]))
            lb = fix_lb[i];
        if (fix_ub && !isnan(fix_ub[i]))
            ub = fix_ub[i];
        rp_glpk_set_bounds(p, j, lb, ub, false);
        glp_set_obj_coef(p, j, c->obj);
    }
    size_t kept = 0;
    for (size_t r = 0; r < ilp->n_rows; r++)
        kept += ilp->rows[r].tag.rule != skip_rule || skip_rule == RP_NONE;
    if (kept)
        glp_add_rows(p, (int)kept);
    int *ia = rp_xmalloc((ilp->n_terms + 1) * sizeof *ia);
    int *ja = rp_xmalloc((ilp->n_terms + 1) * sizeof *ja);
    double *ar = rp_xmalloc((ilp->n_terms + 1) * sizeof *ar);
    size_t nz = 0;
    int i = 0;
    for (size_t r = 0; r < ilp->n_rows; r++) {
        const row *rw = &ilp->rows[r];
        if (skip_rule != RP_NONE && rw->tag.rule == skip_rule)
            continue;
        i++;
        glp_set_row_name(p, i, rw->name);
        rp_glpk_set_row(p, i, rw->sense, rw->rhs);
        for (size_t k = 0; k < rw->n; k++) {
            nz++;
            ia[nz] = i;
            ja[nz] = ilp->term_col[rw->start + k] + 1;
            ar[nz] = ilp->term_coef[rw->start + k];
        }
    }
    if (nz)
        glp_load_matrix(p, (int)nz, ia, ja, ar);
    free(ia);
    free(ja);
    free(ar);
    return p;
}

static int write_glpk(glp_prob *p, const char *path, char format)
{
    glp_term_out(GLP_OFF);
    int ret = format == 'm' ? glp_write_mps(p, GLP_MPS_FILE, NULL, path) : glp_write_lp(p, NULL, path);
    glp_term_out(GLP_ON);
    return ret;
}

int rp_ilp_write(const rp_ilp *ilp, const char *path, char format, rp_diags *d)
{
    rp_atomic a;
    /* GLPK writes by file name: let it write the temporary file (or a FIFO or device in
     * place), then rename as usual */
    if (rp_atomic_open_name(&a, path) != 0) {
        rp_diag_add(d, RP_ERROR, path, 0, 0, 0, "cannot write: %s", strerror(errno));
        return -1;
    }
    glp_prob *p = rp_ilp_to_glpk(ilp, NULL, NULL, RP_NONE);
    int ret = write_glpk(p, rp_atomic_name(&a), format);
    glp_delete_prob(p);
    if (ret != 0) {
        rp_atomic_abort(&a);
        rp_diag_add(d, RP_ERROR, path, 0, 0, 0, "cannot write the %s file", format == 'm' ? "MPS" : "LP");
        return -1;
    }
    if (rp_atomic_commit(&a) != 0) {
        int e = errno;
        rp_atomic_abort(&a);
        rp_diag_add(d, RP_ERROR, path, 0, 0, 0, "cannot write: %s", strerror(e));
        return -1;
    }
    return 0;
}
