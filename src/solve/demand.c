/*
 * demand.c: the counting check over the years (translate.h rp_count_years), run with the
 * counting checks before any solve when those find nothing. A limit on residents at once (a
 * facility's places, RAD-12) holds slot by slot; summed over a window of programme years it
 * bounds the resident-periods the facility (or a group of facilities) can hold there. What the
 * residents must spend there comes from each resident's own rows (course patterns, minimums,
 * pins, one place a period): the least of it is the optimum of a small LP over the resident's
 * columns and the rows that hold only those columns. When the residents' least, summed, exceeds
 * the summed limit, no plan exists: an intake over the programme's capacity (3 cohorts of 36 at
 * keio) is proven by counting, not by an elastic solve over the whole problem.
 *
 * Why it is a proof: any plan restricted to one resident satisfies that resident's own rows, so
 * its count in the window is at least the LP's minimum (rounded up when every coefficient and
 * column is integral); the limit rows' coefficients are positive, and a column of no resident
 * adds at least its lower bound's share. Residents with identical rows, bounds and memberships
 * in the limit rows (a class: one cohort's residents of one course, whatever their wishes) share
 * one LP, solved again for each window from the previous basis.
 *
 * The windows are the runs of whole programme years (slot / periods_per_year) over which the
 * rule has rows; a failing window is reported only when no shorter failing window lies inside
 * it, and a group only when none of its facilities fails alone. The rows that bind in the LP
 * (nonzero dual values) name the rules that make the residents need the places.
 */
#include "rotaplan/translate.h"
#include "translate/glpk_bridge.h"
#include "util/util.h"

#include <glpk.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const double EPS = 1e-6;

/* A column's memberships in the limit rows. */
typedef struct entry {
    int row;
    double coef;
} entry;

typedef struct klass {
    size_t rep;           /* a resident of the class */
    int *members;
    size_t n_members, cap_members;
    unsigned char *sig;   /* what makes two residents' LPs the same */
    size_t sig_len;
    int *cols;            /* the resident's columns; LP column j + 1 is cols[j] */
    size_t n_cols;
    int *rows;            /* its own rows; LP row i + 1 is rows[i] */
    size_t n_rows;
    bool integral;        /* every column integer: the least is rounded up */
    long first, last;     /* the slots of the limit rows its columns are in */
    glp_prob *lp;         /* built at the first window */
    double least;         /* for the window at hand */
} klass;

typedef struct years {
    const rp_translation *t;
    const rp_ilp *ilp;
    int *col_owner;        /* [n_cols]: the resident whose column it is, or RP_NONE */
    entry **lim;           /* [n_cols]: the limit rows the column is in */
    size_t *n_lim, *cap_lim;
    bool *is_limit;        /* [n_rows] */
    bool *in_window;       /* [n_rows]: scratch, the rows of the target and window at hand */
    klass *classes;
    size_t n_classes;
} years;

/* ---- the limit rows and the residents' own rows ---- */

/* The resident all of whose columns a row holds, or RP_NONE. */
static int row_owner(const years *y, int row)
{
    const int *col;
    const double *coef;
    size_t n;
    rp_ilp_row_terms(y->ilp, row, &col, &coef, &n);
    if (n == 0)
        return RP_NONE;
    int owner = y->col_owner[col[0]];
    for (size_t k = 1; k < n && owner != RP_NONE; k++)
        if (y->col_owner[col[k]] != owner)
            owner = RP_NONE;
    return owner;
}

static void sig_add(klass *c, size_t *cap, const void *data, size_t len)
{
    if (len == 0)
        return;
    while (c->sig_len + len > *cap) {
        *cap = *cap ? 2 * *cap : 256;
        c->sig = rp_xrealloc(c->sig, *cap);
    }
    memcpy(c->sig + c->sig_len, data, len);
    c->sig_len += len;
}

/* Resident r's columns, own rows and signature, into c. pos: scratch [n_cols], -1 between
 * uses. */
static void describe_resident(const years *y, size_t r, int **rows_of, size_t n_rows_of,
                              int *pos, klass *c)
{
    memset(c, 0, sizeof *c);
    c->rep = r;
    c->n_cols = rp_translation_resident_columns(y->t, r, &c->cols);
    c->rows = rp_xmalloc((n_rows_of + 1) * sizeof *c->rows);
    if (n_rows_of > 0)
        memcpy(c->rows, rows_of[r], n_rows_of * sizeof *c->rows);
    c->n_rows = n_rows_of;
    size_t cap = 0;
    c->integral = true;
    int cohort = y->t->cohort->residents[r].cohort;
    sig_add(c, &cap, &cohort, sizeof cohort);
    for (size_t j = 0; j < c->n_cols; j++) {
        int col = c->cols[j];
        pos[col] = (int)j;
        double b[2];
        rp_ilp_col_bounds(y->ilp, col, &b[0], &b[1]);
        int kind = (int)rp_ilp_col_kind(y->ilp, col);
        c->integral = c->integral && kind != RP_COL_CONTINUOUS;
        sig_add(c, &cap, b, sizeof b);
        sig_add(c, &cap, &kind, sizeof kind);
        sig_add(c, &cap, &y->n_lim[col], sizeof y->n_lim[col]);
        for (size_t e = 0; e < y->n_lim[col]; e++) { /* field by field: no padding bytes */
            sig_add(c, &cap, &y->lim[col][e].row, sizeof y->lim[col][e].row);
            sig_add(c, &cap, &y->lim[col][e].coef, sizeof y->lim[col][e].coef);
        }
    }
    for (size_t i = 0; i < c->n_rows; i++) {
        const int *col;
        const double *coef;
        size_t n;
        rp_ilp_row_terms(y->ilp, c->rows[i], &col, &coef, &n);
        int sense = (int)rp_ilp_row_sense(y->ilp, c->rows[i]);
        double rhs = rp_ilp_row_rhs(y->ilp, c->rows[i]);
        sig_add(c, &cap, &sense, sizeof sense);
        sig_add(c, &cap, &rhs, sizeof rhs);
        sig_add(c, &cap, &n, sizeof n);
        for (size_t k = 0; k < n; k++) {
            sig_add(c, &cap, &pos[col[k]], sizeof pos[col[k]]);
            sig_add(c, &cap, &coef[k], sizeof coef[k]);
        }
    }
    c->first = 1L << 30;
    c->last = -1;
    for (size_t j = 0; j < c->n_cols; j++) {
        pos[c->cols[j]] = -1;
        for (size_t e = 0; e < y->n_lim[c->cols[j]]; e++) {
            long slot = rp_ilp_row_tag(y->ilp, y->lim[c->cols[j]][e].row).first;
            c->first = slot < c->first ? slot : c->first;
            c->last = slot > c->last ? slot : c->last;
        }
    }
}

static void klass_free(klass *c)
{
    free(c->members);
    free(c->sig);
    free(c->cols);
    free(c->rows);
    if (c->lp)
        glp_delete_prob(c->lp);
}

static void build_classes(years *y)
{
    size_t nc = rp_ilp_n_cols(y->ilp), nr = rp_ilp_n_rows(y->ilp), nres = y->t->n_residents;
    int **rows_of = rp_xcalloc(nres + 1, sizeof *rows_of);
    size_t *n_rows_of = rp_xcalloc(nres + 1, sizeof *n_rows_of);
    size_t *cap_rows_of = rp_xcalloc(nres + 1, sizeof *cap_rows_of);
    for (size_t i = 0; i < nr; i++) {
        int r = y->is_limit[i] ? RP_NONE : row_owner(y, (int)i);
        if (r != RP_NONE)
            *RP_PUSH(rows_of[r], n_rows_of[r], cap_rows_of[r]) = (int)i;
    }
    int *pos = rp_xmalloc((nc + 1) * sizeof *pos);
    for (size_t j = 0; j < nc; j++)
        pos[j] = -1;
    y->classes = rp_xcalloc(nres + 1, sizeof *y->classes);
    for (size_t r = 0; r < nres; r++) {
        klass c;
        describe_resident(y, r, rows_of, n_rows_of[r], pos, &c);
        size_t k = 0;
        while (k < y->n_classes && !(y->classes[k].sig_len == c.sig_len &&
                                     memcmp(y->classes[k].sig, c.sig, c.sig_len) == 0))
            k++;
        if (k == y->n_classes)
            y->classes[y->n_classes++] = c;
        else
            klass_free(&c);
        klass *into = &y->classes[k];
        *RP_PUSH(into->members, into->n_members, into->cap_members) = (int)r;
    }
    free(pos);
    for (size_t r = 0; r < nres; r++)
        free(rows_of[r]);
    free(rows_of);
    free(n_rows_of);
    free(cap_rows_of);
}

static void years_init(years *y, const rp_translation *t)
{
    memset(y, 0, sizeof *y);
    y->t = t;
    y->ilp = t->ilp;
    size_t nc = rp_ilp_n_cols(t->ilp), nr = rp_ilp_n_rows(t->ilp);
    y->col_owner = rp_xmalloc((nc + 1) * sizeof *y->col_owner);
    for (size_t j = 0; j < nc; j++)
        y->col_owner[j] = RP_NONE;
    for (size_t r = 0; r < t->n_residents; r++) {
        int *cols;
        size_t n = rp_translation_resident_columns(t, r, &cols);
        for (size_t j = 0; j < n; j++)
            y->col_owner[cols[j]] = (int)r;
        free(cols);
    }
    y->lim = rp_xcalloc(nc + 1, sizeof *y->lim);
    y->n_lim = rp_xcalloc(nc + 1, sizeof *y->n_lim);
    y->cap_lim = rp_xcalloc(nc + 1, sizeof *y->cap_lim);
    y->is_limit = rp_xcalloc(nr + 1, sizeof *y->is_limit);
    y->in_window = rp_xcalloc(nr + 1, sizeof *y->in_window);
    for (size_t i = 0; i < nr; i++) {
        if (!(y->is_limit[i] = rp_count_is_limit(t->ilp, (int)i)))
            continue;
        const int *col;
        const double *coef;
        size_t n;
        rp_ilp_row_terms(t->ilp, (int)i, &col, &coef, &n);
        for (size_t k = 0; k < n; k++)
            *RP_PUSH(y->lim[col[k]], y->n_lim[col[k]], y->cap_lim[col[k]]) =
                (entry){(int)i, coef[k]};
    }
    build_classes(y);
}

static void years_free(years *y)
{
    size_t nc = rp_ilp_n_cols(y->ilp);
    for (size_t j = 0; j < nc; j++)
        free(y->lim[j]);
    for (size_t k = 0; k < y->n_classes; k++)
        klass_free(&y->classes[k]);
    free(y->classes);
    free(y->lim);
    free(y->n_lim);
    free(y->cap_lim);
    free(y->col_owner);
    free(y->is_limit);
    free(y->in_window);
}

/* ---- the least a class spends in the window's rows ---- */

static void build_lp(const years *y, klass *c)
{
    glp_prob *p = glp_create_prob();
    glp_set_obj_dir(p, GLP_MIN);
    glp_add_cols(p, (int)c->n_cols);
    for (size_t j = 0; j < c->n_cols; j++) {
        double lb, ub;
        rp_ilp_col_bounds(y->ilp, c->cols[j], &lb, &ub);
        glp_set_col_bnds(p, (int)j + 1, lb == ub ? GLP_FX : GLP_DB, lb, ub);
    }
    size_t nnz = 0;
    for (size_t i = 0; i < c->n_rows; i++) {
        const int *col;
        const double *coef;
        size_t n;
        rp_ilp_row_terms(y->ilp, c->rows[i], &col, &coef, &n);
        nnz += n;
    }
    int *ia = rp_xmalloc((nnz + 1) * sizeof *ia), *ja = rp_xmalloc((nnz + 1) * sizeof *ja);
    double *ar = rp_xmalloc((nnz + 1) * sizeof *ar);
    int *pos = rp_xmalloc((rp_ilp_n_cols(y->ilp) + 1) * sizeof *pos);
    for (size_t j = 0; j < c->n_cols; j++)
        pos[c->cols[j]] = (int)j;
    size_t k = 0;
    if (c->n_rows)
        glp_add_rows(p, (int)c->n_rows);
    for (size_t i = 0; i < c->n_rows; i++) {
        const int *col;
        const double *coef;
        size_t n;
        rp_ilp_row_terms(y->ilp, c->rows[i], &col, &coef, &n);
        rp_glpk_set_row(p, (int)i + 1, rp_ilp_row_sense(y->ilp, c->rows[i]),
                        rp_ilp_row_rhs(y->ilp, c->rows[i]));
        for (size_t t = 0; t < n; t++) {
            ia[++k] = (int)i + 1;
            ja[k] = pos[col[t]] + 1;
            ar[k] = coef[t];
        }
    }
    free(pos);
    glp_load_matrix(p, (int)k, ia, ja, ar);
    free(ia);
    free(ja);
    free(ar);
    c->lp = p;
}

/* The least class c must add to the rows marked in_window; NAN when its LP has no solution (the
 * resident has no plan at all: other checks say why). */
static double class_least(const years *y, klass *c)
{
    if (!c->lp)
        build_lp(y, c);
    bool integral = c->integral, any = false;
    for (size_t j = 0; j < c->n_cols; j++) {
        int col = c->cols[j];
        double v = 0;
        for (size_t e = 0; e < y->n_lim[col]; e++)
            if (y->in_window[y->lim[col][e].row])
                v += y->lim[col][e].coef;
        integral = integral && v == floor(v);
        any = any || v != 0;
        glp_set_obj_coef(c->lp, (int)j + 1, v);
    }
    if (!any)
        return 0;
    glp_smcp smcp;
    glp_init_smcp(&smcp);
    smcp.msg_lev = GLP_MSG_OFF;
    if (glp_simplex(c->lp, &smcp) != 0) { /* a basis GLPK refuses: from scratch */
        glp_std_basis(c->lp);
        if (glp_simplex(c->lp, &smcp) != 0)
            return NAN;
    }
    if (glp_get_status(c->lp) != GLP_OPT)
        return NAN;
    double v = glp_get_obj_val(c->lp);
    return integral ? ceil(v - EPS) : v;
}

/* The rules whose rows bind in class c's LP (nonzero duals), added to out once each. */
static void binding_rules(const years *y, const klass *c, rp_count *out)
{
    for (size_t i = 0; i < c->n_rows; i++) {
        if (fabs(glp_get_row_dual(c->lp, (int)i + 1)) < 1e-9)
            continue;
        int rule = rp_ilp_row_tag(y->ilp, c->rows[i]).rule;
        bool seen = rule < 0;
        for (size_t k = 0; k < out->n_forcing && !seen; k++)
            seen = out->forcing[k] == rule;
        if (!seen && out->n_forcing < RP_MAX_FORCING)
            out->forcing[out->n_forcing++] = rule;
    }
}

/* ---- targets (a facility, a group, the programme) and windows ---- */

typedef struct target {
    int rule;
    int facility;      /* RP_NONE: a group, or the programme's own rows */
    bool *member;      /* a group: [n_facilities]; NULL for a facility or the programme */
    bool whole;        /* the programme's own rows (facility RP_NONE) */
    char name[64];
} target;

static bool row_in(const years *y, int row, const target *g, long first, long last)
{
    rp_row_tag tag = rp_ilp_row_tag(y->ilp, row);
    if (tag.rule != g->rule || tag.first < first || tag.first > last)
        return false;
    if (g->whole)
        return tag.facility == RP_NONE;
    if (g->member)
        return tag.facility >= 0 && g->member[tag.facility];
    return tag.facility == g->facility;
}

/* The least of every class over the rows marked in_window (slots first..last); false when a
 * class has no plan at all. */
static bool classes_least(years *y, long first, long last)
{
    for (size_t k = 0; k < y->n_classes; k++) {
        klass *c = &y->classes[k];
        c->least = c->last < first || c->first > last ? 0 : class_least(y, c);
        if (isnan(c->least))
            return false;
    }
    return true;
}

/* Whether the residents could exceed room at all in the rows marked in_window (slots
 * first..last): each class at most its largest coefficient at each slot (one place a period).
 * Only a shortcut: a window it passes is not checked further. */
static bool most_over(years *y, long first, long last, double room)
{
    size_t len = (size_t)(last - first + 1);
    double *top = rp_xmalloc((len + 1) * sizeof *top);
    double most = 0;
    for (size_t k = 0; k < y->n_classes && most <= room + EPS; k++) {
        const klass *c = &y->classes[k];
        if (c->last < first || c->first > last)
            continue;
        for (size_t s = 0; s < len; s++)
            top[s] = 0;
        for (size_t j = 0; j < c->n_cols; j++) {
            int col = c->cols[j];
            for (size_t e = 0; e < y->n_lim[col]; e++) {
                int row = y->lim[col][e].row;
                if (!y->in_window[row])
                    continue;
                size_t s = (size_t)(rp_ilp_row_tag(y->ilp, row).first - first);
                top[s] = fmax(top[s], y->lim[col][e].coef);
            }
        }
        for (size_t s = 0; s < len; s++)
            most += top[s] * (double)c->n_members;
    }
    free(top);
    return most > room + EPS;
}

/* The window's check over the target's rows (rows[0..n_rows), those of slots first..last
 * counted): a finding appended to out when the residents' least exceeds the limit. */
static bool check_window(years *y, const target *g, const int *rows, size_t n_all, long first,
                         long last, rp_counts *out)
{
    const rp_ilp *ilp = y->ilp;
    double limit = 0, floor_other = 0;
    size_t n_rows = 0;
    for (size_t r = 0; r < n_all; r++) {
        int i = rows[r];
        long slot = rp_ilp_row_tag(ilp, i).first;
        y->in_window[i] = slot >= first && slot <= last;
        if (!y->in_window[i])
            continue;
        n_rows++;
        limit += rp_ilp_row_rhs(ilp, i);
        const int *col;
        const double *coef;
        size_t n;
        rp_ilp_row_terms(ilp, i, &col, &coef, &n);
        for (size_t k = 0; k < n; k++) {
            if (y->col_owner[col[k]] != RP_NONE)
                continue;
            double lb, ub;
            rp_ilp_col_bounds(ilp, col[k], &lb, &ub);
            floor_other += fmin(coef[k] * lb, coef[k] * ub);
        }
    }
    bool fails = n_rows >= 2 && most_over(y, first, last, limit - floor_other) &&
                 classes_least(y, first, last); /* one slot: rp_count_rows's */
    double demand = floor_other;
    for (size_t k = 0; fails && k < y->n_classes; k++)
        demand += y->classes[k].least * (double)y->classes[k].n_members;
    for (size_t r = 0; r < n_all; r++)
        y->in_window[rows[r]] = false;
    if (!fails || demand <= limit + EPS)
        return false;
    if (out->n == out->cap) {
        out->cap = out->cap ? 2 * out->cap : 16;
        out->items = rp_xrealloc(out->items, out->cap * sizeof *out->items);
    }
    rp_count *f = &out->items[out->n++];
    memset(f, 0, sizeof *f);
    f->tag = (rp_row_tag){g->rule, RP_NONE, g->member || g->whole ? RP_NONE : g->facility,
                          (int)first, (int)last};
    f->sense = RP_LE;
    f->reach = demand;
    f->bound = limit;
    f->years = true;
    snprintf(f->group, sizeof f->group, "%s", g->name);
    for (size_t k = 0; k < y->n_classes; k++) {
        const klass *c = &y->classes[k];
        if (c->least <= EPS)
            continue;
        binding_rules(y, c, f); /* its LP holds this window's optimum */
        for (size_t i = 0; i < c->n_members; i++) {
            size_t n = f->n_residents;
            f->residents = rp_xrealloc(f->residents, (n + 1) * sizeof *f->residents);
            f->least = rp_xrealloc(f->least, (n + 1) * sizeof *f->least);
            f->residents[n] = c->members[i];
            f->least[n] = c->least;
            f->n_residents = n + 1;
        }
    }
    return true;
}

/* Whether some class must spend a period in the target's rows over their whole span. */
static bool needed_at_all(years *y, const int *rows, size_t n, long first, long last)
{
    for (size_t r = 0; r < n; r++)
        y->in_window[rows[r]] = true;
    bool needed = false;
    if (classes_least(y, first, last))
        for (size_t k = 0; !needed && k < y->n_classes; k++)
            needed = y->classes[k].least > EPS;
    for (size_t r = 0; r < n; r++)
        y->in_window[rows[r]] = false;
    return needed;
}

/* Every run of whole programme years over the target's rows, of at most the programme's
 * length, shortest first; a window holding a failing one is skipped. Nothing when no resident
 * must spend any period in the target over its whole span (a shorter window asks no more).
 * True when one failed. */
static bool check_target(years *y, const target *g, rp_counts *out)
{
    size_t nr = rp_ilp_n_rows(y->ilp), n = 0, cap = 0;
    int *rows = NULL;
    long first = 1L << 30, last = -1;
    for (size_t i = 0; i < nr; i++) {
        if (!y->is_limit[i] || !row_in(y, (int)i, g, 0, 1L << 30))
            continue;
        *RP_PUSH(rows, n, cap) = (int)i;
        long s = rp_ilp_row_tag(y->ilp, (int)i).first;
        first = s < first ? s : first;
        last = s > last ? s : last;
    }
    bool any = false;
    if (n >= 2 && needed_at_all(y, rows, n, first, last)) {
        long ppy = y->t->model->calendar.periods_per_year;
        long y0 = first / ppy, ny = last / ppy - y0 + 1;
        long most = y->t->model->calendar.years > 0 ? y->t->model->calendar.years : ny;
        bool *failed = rp_xcalloc((size_t)(ny * ny) + 1, sizeof *failed); /* [a * ny + b] */
        for (long len = 1; len <= ny && len <= most; len++)
            for (long a = 0; a + len <= ny; a++) {
                long b = a + len - 1;
                bool inside = false;
                for (long a2 = a; a2 <= b && !inside; a2++)
                    for (long b2 = a2; b2 <= b && !inside; b2++)
                        inside = failed[a2 * ny + b2];
                if (inside)
                    continue;
                long w0 = (y0 + a) * ppy, w1 = (y0 + b + 1) * ppy - 1;
                failed[a * ny + b] = check_window(y, g, rows, n, w0 > first ? w0 : first,
                                                  w1 < last ? w1 : last, out);
                any = any || failed[a * ny + b];
            }
        free(failed);
    }
    free(rows);
    return any;
}

/* The rules with limit rows, in order. */
static size_t limit_rules(const years *y, int **rules)
{
    size_t nr = rp_ilp_n_rows(y->ilp), n = 0, cap = 0;
    *rules = NULL;
    for (size_t i = 0; i < nr; i++) {
        if (!y->is_limit[i])
            continue;
        int rule = rp_ilp_row_tag(y->ilp, (int)i).rule;
        bool seen = false;
        for (size_t k = 0; k < n && !seen; k++)
            seen = (*rules)[k] == rule;
        if (!seen)
            *RP_PUSH(*rules, n, cap) = rule;
    }
    return n;
}

/* The facilities of one role, then those of one accreditation (a group of one is its
 * facility), the groups that courses and minimums make residents need, each once. */
static void check_groups(years *y, int rule, rp_counts *out)
{
    const rp_model *m = y->t->model;
    size_t nf = m->n_facilities;
    bool *member = rp_xcalloc(nf + 1, sizeof *member);
    bool **seen = rp_xcalloc(RP_N_ROLES + RP_N_ACCREDITATIONS + 1, sizeof *seen);
    size_t n_seen = 0;
    for (int by = 0; by < 2; by++) {
        int n_values = by == 0 ? RP_N_ROLES : RP_N_ACCREDITATIONS;
        for (int v = 0; v < n_values; v++) {
            size_t count = 0;
            int one = RP_NONE;
            for (size_t f = 0; f < nf; f++) {
                const rp_facility *fa = &m->facilities[f];
                member[f] = (by == 0 ? (int)fa->role : (int)fa->accreditation) == v;
                if (member[f]) {
                    count++;
                    one = (int)f;
                }
            }
            bool again = count == 0 || count == nf;
            for (size_t i = 0; i < n_seen && !again; i++)
                again = memcmp(seen[i], member, nf * sizeof *member) == 0;
            if (again)
                continue;
            seen[n_seen] = rp_xmalloc((nf + 1) * sizeof **seen);
            memcpy(seen[n_seen++], member, nf * sizeof *member);
            target g = {rule, count == 1 ? one : RP_NONE, count == 1 ? NULL : member, false, ""};
            if (count > 1)
                snprintf(g.name, sizeof g.name, "the %s facilities",
                         by == 0 ? rp_role_name((rp_role)v)
                                 : rp_accreditation_name((rp_accreditation)v));
            check_target(y, &g, out);
        }
    }
    for (size_t i = 0; i < n_seen; i++)
        free(seen[i]);
    free(seen);
    free(member);
}

void rp_count_years(const rp_translation *t, rp_counts *out)
{
    years y;
    years_init(&y, t);
    int *rules;
    size_t n_rules = limit_rules(&y, &rules);
    for (size_t k = 0; k < n_rules; k++) {
        check_groups(&y, rules[k], out);
        target whole = {rules[k], RP_NONE, NULL, true, "the programme as a whole"};
        check_target(&y, &whole, out);
    }
    free(rules);
    years_free(&y);
}
