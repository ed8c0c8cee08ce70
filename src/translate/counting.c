/*
 * counting.c: the counting checks that run before any solve (translate.h rp_count_rows). They
 * read the translation as built and anchored (every resident's pieces, with the bounds that
 * pins, leave and a kept past leave them) and look for rows that no plan can satisfy:
 *
 * - a resident's row (a minimum of months or weeks, a limit): every plan covers each of the
 *   resident's periods with exactly one piece (one_place_per_period's rows), so the most and the
 *   least the row's left side can be are found exactly, for this row alone, by a pass over the
 *   periods (the best partition of the horizon into the resident's open pieces). What this
 *   catches: the months left after leave and pins are fewer than a rule requires;
 * - a limit on residents at once (a facility's, a department's, a group of facilities'): each
 *   resident counts at least the least coefficient among the open pieces covering the slot (0
 *   when one of them lies outside), so the sum over residents is a floor on the left side. Rows
 *   of one rule and one slot are also summed over groups of facilities (every facility, those
 *   of one role, one accreditation, one kind, the remote ones): the demand of the residents who
 *   have no place outside the group against the group's capacity.
 *
 * Columns the checks do not model (course choices, helper columns, a what-if's slack) count as
 * favourably as their bounds allow, so a finding is a proof that no plan exists: the checks
 * never refuse a programme that has a plan.
 */
#include "rotaplan/translate.h"
#include "translate/space.h"
#include "util/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const double EPS = 1e-6;

/* Which resident and piece each column is, and each resident's open pieces by last period. */
typedef struct col_index {
    const rp_translation *t;
    int *col_resident; /* [n_cols]: the resident of a piece column, else RP_NONE */
    int *col_piece;    /* [n_cols]: its index in rp_space_pieces */
    bool **open;       /* [r][i]: piece i may be chosen (its upper bound, clear of fixed pieces) */
    int **by_last;     /* [r]: the open pieces ordered by last period */
    size_t *n_open;
    double *coef;      /* [n_cols]: scratch, zero between uses */
    int *shut_by;      /* [n_cols]: a limit row that no plan can meet with the column at 1, or -1 */
    int *mem_head, *mem_tail; /* [n_cols]: a column's memberships in a run (run_index), or -1 */
} col_index;

static bool col_fixed(const rp_ilp *ilp, int col)
{
    double lb, ub;
    rp_ilp_col_bounds(ilp, col, &lb, &ub);
    return lb > 0.5;
}

static bool col_closed(const rp_ilp *ilp, int col)
{
    double lb, ub;
    rp_ilp_col_bounds(ilp, col, &lb, &ub);
    return ub < 0.5;
}

/* The columns no plan can set to 1 (shut_by: the row that forbids it), as a presolve would
 * find them: in a row `sum a_j x_j <= b` with every a_j >= 0 and every column's lower bound at
 * least 0, column k cannot be 1 when a_k plus what the others must add at their lower bounds
 * exceeds b. A capacity that a change cuts to 0 (a withdrawal) closes its places this way, so a
 * minimum that only those places could meet is found by the resident's count, and said as the
 * place that closed (not as the capacity row it then overfills). */
static void shut_columns(col_index *ix)
{
    const rp_ilp *ilp = ix->t->ilp;
    size_t nr = rp_ilp_n_rows(ilp);
    for (size_t i = 0; i < nr; i++) {
        if (rp_ilp_row_sense(ilp, (int)i) != RP_LE)
            continue;
        const int *col;
        const double *coef;
        size_t n;
        rp_ilp_row_terms(ilp, (int)i, &col, &coef, &n);
        double least = 0;
        bool signed_ok = true;
        for (size_t k = 0; k < n && signed_ok; k++) {
            double lb, ub;
            rp_ilp_col_bounds(ilp, col[k], &lb, &ub);
            signed_ok = coef[k] >= 0 && lb >= 0;
            least += coef[k] * lb;
        }
        double rhs = rp_ilp_row_rhs(ilp, (int)i);
        for (size_t k = 0; k < n && signed_ok; k++) {
            double lb, ub;
            rp_ilp_col_bounds(ilp, col[k], &lb, &ub);
            if (lb < 0.5 && least + coef[k] * (1 - lb) > rhs + EPS && ix->shut_by[col[k]] < 0)
                ix->shut_by[col[k]] = (int)i;
        }
    }
}

/* Marks the open pieces of r: not closed by its bounds, and clear of the periods a fixed piece
 * (a pin, a kept past) holds. */
static void index_resident(col_index *ix, size_t r)
{
    const rp_space *s = ix->t->space;
    const rp_ilp *ilp = ix->t->ilp;
    size_t np;
    const rp_piece *pc = rp_space_pieces(s, r, &np);
    int h = rp_space_horizon(s, r);
    int *fixed_by = rp_xmalloc(((size_t)h + 2) * sizeof *fixed_by);
    for (int p = 0; p <= h + 1; p++)
        fixed_by[p] = -1;
    for (size_t i = 0; i < np; i++)
        for (int p = pc[i].first; col_fixed(ilp, pc[i].col) && p <= pc[i].last; p++)
            fixed_by[p] = (int)i;
    ix->open[r] = rp_xcalloc(np + 1, sizeof **ix->open);
    ix->by_last[r] = rp_xmalloc((np + 1) * sizeof **ix->by_last);
    size_t n = 0;
    for (int last = 1; last <= h; last++) {
        for (size_t i = 0; i < np; i++) {
            if (pc[i].last != last || col_closed(ilp, pc[i].col) || ix->shut_by[pc[i].col] >= 0)
                continue;
            bool clear = true;
            for (int p = pc[i].first; clear && p <= pc[i].last; p++)
                clear = fixed_by[p] < 0 || fixed_by[p] == (int)i;
            ix->open[r][i] = clear;
            if (clear)
                ix->by_last[r][n++] = (int)i;
        }
    }
    ix->n_open[r] = n;
    free(fixed_by);
}

static void index_build(col_index *ix, const rp_translation *t)
{
    size_t nc = rp_ilp_n_cols(t->ilp), nr = t->n_residents;
    ix->t = t;
    ix->col_resident = rp_xmalloc((nc + 1) * sizeof *ix->col_resident);
    ix->col_piece = rp_xmalloc((nc + 1) * sizeof *ix->col_piece);
    ix->coef = rp_xcalloc(nc + 1, sizeof *ix->coef);
    for (size_t j = 0; j < nc; j++)
        ix->col_resident[j] = RP_NONE;
    ix->open = rp_xcalloc(nr + 1, sizeof *ix->open);
    ix->by_last = rp_xcalloc(nr + 1, sizeof *ix->by_last);
    ix->n_open = rp_xcalloc(nr + 1, sizeof *ix->n_open);
    ix->shut_by = rp_xmalloc((nc + 1) * sizeof *ix->shut_by);
    ix->mem_head = rp_xmalloc((nc + 1) * sizeof *ix->mem_head);
    ix->mem_tail = rp_xmalloc((nc + 1) * sizeof *ix->mem_tail);
    for (size_t j = 0; j < nc; j++)
        ix->shut_by[j] = ix->mem_head[j] = ix->mem_tail[j] = -1;
    shut_columns(ix);
    for (size_t r = 0; r < nr; r++) {
        size_t np;
        const rp_piece *pc = rp_space_pieces(t->space, r, &np);
        for (size_t i = 0; i < np; i++) {
            ix->col_resident[pc[i].col] = (int)r;
            ix->col_piece[pc[i].col] = (int)i;
        }
    }
    for (size_t r = 0; r < nr; r++)
        index_resident(ix, r);
}

static void index_free(col_index *ix)
{
    for (size_t r = 0; r < ix->t->n_residents; r++) {
        free(ix->open[r]);
        free(ix->by_last[r]);
    }
    free(ix->open);
    free(ix->by_last);
    free(ix->n_open);
    free(ix->col_resident);
    free(ix->col_piece);
    free(ix->coef);
    free(ix->shut_by);
    free(ix->mem_head);
    free(ix->mem_tail);
}

/* The most a column outside the pieces can add to a row (sign +1), or the least (sign -1). */
static double favourable(const rp_ilp *ilp, int col, double coef, int sign)
{
    double lb, ub;
    rp_ilp_col_bounds(ilp, col, &lb, &ub);
    double a = coef * lb, b = coef * ub;
    return sign > 0 ? fmax(a, b) : fmin(a, b);
}

/* The most (sign +1) or least (sign -1) of sum coef[piece col] over the partitions of r's
 * horizon into open pieces; NAN when there is none (the period is reported as uncovered). */
static double best_partition(const col_index *ix, size_t r, int sign)
{
    size_t np;
    const rp_piece *pc = rp_space_pieces(ix->t->space, r, &np);
    int h = rp_space_horizon(ix->t->space, r);
    double *best = rp_xmalloc(((size_t)h + 1) * sizeof *best);
    best[0] = 0;
    for (int p = 1; p <= h; p++)
        best[p] = NAN;
    for (size_t k = 0; k < ix->n_open[r]; k++) {
        const rp_piece *q = &pc[ix->by_last[r][k]];
        double before = best[q->first - 1];
        if (isnan(before))
            continue;
        double v = before + ix->coef[q->col];
        if (isnan(best[q->last]) || (sign > 0 ? v > best[q->last] : v < best[q->last]))
            best[q->last] = v;
    }
    double v = best[h];
    free(best);
    return v;
}

static void set_coefs(col_index *ix, const int *col, const double *coef, size_t n)
{
    for (size_t k = 0; k < n; k++)
        ix->coef[col[k]] += coef[k];
}

static void clear_coefs(col_index *ix, const int *col, size_t n)
{
    for (size_t k = 0; k < n; k++)
        ix->coef[col[k]] = 0;
}

static void add_finding(rp_counts *out, rp_row_tag tag, rp_sense sense, double reach,
                        double bound)
{
    if (out->n == out->cap) {
        out->cap = out->cap ? 2 * out->cap : 16;
        out->items = rp_xrealloc(out->items, out->cap * sizeof *out->items);
    }
    out->items[out->n++] = (rp_count){tag, sense, reach, bound, "", NULL, 0, {{0}}, 0, false,
                                      NULL, {0}, 0};
}

/* The places of resident r that count toward the row (col, coef: its terms) but are shut, into
 * c->shut: one entry per facility and department, with the earliest slot it is shut. */
static void note_shut(const col_index *ix, size_t r, const int *col, const double *coef,
                      size_t n, rp_count *c)
{
    const rp_ilp *ilp = ix->t->ilp;
    size_t np;
    const rp_piece *pc = rp_space_pieces(ix->t->space, r, &np);
    for (size_t k = 0; k < n; k++) {
        if (coef[k] <= 0 || ix->col_resident[col[k]] != (int)r || ix->shut_by[col[k]] < 0)
            continue;
        const rp_piece *q = &pc[ix->col_piece[col[k]]];
        rp_row_tag by = rp_ilp_row_tag(ilp, ix->shut_by[col[k]]);
        if (by.rule < 0 || by.resident >= 0)
            continue; /* a limit on residents at once says where; other rows do not */
        size_t i = 0;
        while (i < c->n_shut &&
               !(c->shut[i].facility == q->facility && c->shut[i].department == q->department))
            i++;
        if (i == c->n_shut) {
            if (i == RP_MAX_SHUT)
                continue;
            c->shut[c->n_shut++] = (rp_shut){q->facility, q->department, by};
        } else if (by.first < c->shut[i].by.first) {
            c->shut[i].by = by;
        }
    }
}

/* A resident's row: exact for the row alone, over the partitions of the horizon. */
static void resident_row(col_index *ix, int row, rp_counts *out)
{
    const rp_ilp *ilp = ix->t->ilp;
    rp_row_tag tag = rp_ilp_row_tag(ilp, row);
    size_t r = (size_t)tag.resident;
    const int *col;
    const double *coef;
    size_t n;
    rp_ilp_row_terms(ilp, row, &col, &coef, &n);
    double most = 0, least = 0;
    for (size_t k = 0; k < n; k++) {
        if (ix->col_resident[col[k]] == (int)r)
            continue;
        most += favourable(ilp, col[k], coef[k], +1);
        least += favourable(ilp, col[k], coef[k], -1);
    }
    set_coefs(ix, col, coef, n);
    for (size_t k = 0; k < n; k++)
        if (ix->col_resident[col[k]] != (int)r)
            ix->coef[col[k]] = 0;
    rp_sense sense = rp_ilp_row_sense(ilp, row);
    double rhs = rp_ilp_row_rhs(ilp, row);
    if (sense != RP_LE) {
        double v = best_partition(ix, r, +1);
        if (!isnan(v) && most + v < rhs - EPS) {
            add_finding(out, tag, RP_GE, most + v, rhs);
            note_shut(ix, r, col, coef, n, &out->items[out->n - 1]);
        }
    }
    if (sense != RP_GE) {
        double v = best_partition(ix, r, -1);
        if (!isnan(v) && least + v > rhs + EPS)
            add_finding(out, tag, RP_LE, least + v, rhs);
    }
    clear_coefs(ix, col, n);
}

/* One run of limit rows (one rule, one slot: check_run) indexed once, so that each row alone and
 * each group of facilities is checked without reading the rows' terms again (a capacity row
 * holds the pieces of every resident at its place: at 120 residents, reading them once a row
 * and once a group was most of the counting checks). Each resident column lists the run's rows
 * it is in (in the run's order, with its coefficients); the other columns' terms are kept per
 * row. */
typedef struct run_member {
    int row;  /* the row's place in the run */
    double coef;
    int next; /* the column's next membership, or -1 */
} run_member;

typedef struct run_index {
    const int *rows;
    size_t n;
    long slot;
    run_member *mem;
    size_t n_mem, cap_mem;
    int *touched; /* the resident columns with memberships, to clear after the run */
    size_t n_touched, cap_touched;
    size_t *other_start; /* [n + 1]: the other columns' terms of row a */
    int *other_col;
    double *other_coef;
    bool *in_check; /* [n]: the rows of the check at hand */
} run_index;

static void run_build(col_index *ix, const int *rows, size_t n, run_index *ri)
{
    const rp_ilp *ilp = ix->t->ilp;
    memset(ri, 0, sizeof *ri);
    ri->rows = rows;
    ri->n = n;
    ri->slot = rp_ilp_row_tag(ilp, rows[0]).first;
    ri->other_start = rp_xcalloc(n + 2, sizeof *ri->other_start);
    ri->in_check = rp_xcalloc(n + 1, sizeof *ri->in_check);
    size_t n_other = 0, cap_other = 0;
    for (size_t a = 0; a < n; a++) {
        const int *col;
        const double *coef;
        size_t len;
        rp_ilp_row_terms(ilp, rows[a], &col, &coef, &len);
        ri->other_start[a] = n_other;
        for (size_t k = 0; k < len; k++) {
            int j = col[k];
            if (ix->col_resident[j] == RP_NONE) {
                size_t cap = cap_other;
                rp_grow(&ri->other_col, &cap, n_other + 1, sizeof *ri->other_col);
                rp_grow(&ri->other_coef, &cap_other, n_other + 1, sizeof *ri->other_coef);
                ri->other_col[n_other] = j;
                ri->other_coef[n_other++] = coef[k];
                continue;
            }
            run_member *e = RP_PUSH(ri->mem, ri->n_mem, ri->cap_mem);
            *e = (run_member){(int)a, coef[k], -1};
            int at = (int)(ri->n_mem - 1);
            if (ix->mem_head[j] < 0) {
                ix->mem_head[j] = at;
                *RP_PUSH(ri->touched, ri->n_touched, ri->cap_touched) = j;
            } else {
                ri->mem[ix->mem_tail[j]].next = at;
            }
            ix->mem_tail[j] = at;
        }
    }
    ri->other_start[n] = n_other;
}

static void run_free(col_index *ix, run_index *ri)
{
    for (size_t i = 0; i < ri->n_touched; i++)
        ix->mem_head[ri->touched[i]] = ix->mem_tail[ri->touched[i]] = -1;
    free(ri->mem);
    free(ri->touched);
    free(ri->other_start);
    free(ri->other_col);
    free(ri->other_coef);
    free(ri->in_check);
}

/* Column j's coefficient summed over the rows of the check at hand (0 outside them), in the
 * run's order of rows. */
static double check_coef(const col_index *ix, const run_index *ri, int j)
{
    double c = 0;
    for (int e = ix->mem_head[j]; e >= 0; e = ri->mem[e].next)
        if (ri->in_check[ri->mem[e].row])
            c += ri->mem[e].coef;
    return c;
}

/* The least resident r adds to the check at hand: at its period on the run's slot, the least
 * coefficient among the open pieces covering it (0 for a piece outside the rows). A resident
 * whose first open piece there is outside them adds 0 at once. */
static double least_at_slot(const col_index *ix, const run_index *ri, size_t r)
{
    const rp_model *m = ix->t->model;
    int cohort = ix->t->cohort->residents[r].cohort;
    long p = ri->slot - rp_slot(m, cohort, 1) + 1;
    if (p < 1 || p > rp_space_horizon(ix->t->space, r))
        return 0;
    size_t n, np;
    const int *cov = rp_space_covering(ix->t->space, r, (int)p, &n);
    const rp_piece *pc = rp_space_pieces(ix->t->space, r, &np);
    double least = INFINITY;
    for (size_t i = 0; i < n; i++) {
        if (!ix->open[r][cov[i]])
            continue;
        double c = check_coef(ix, ri, pc[cov[i]].col);
        if (c < least)
            least = c;
        if (least <= 0)
            return 0;
    }
    return isfinite(least) && least > 0 ? least : 0;
}

/* Rows of one limit on one slot, summed: the floor of their left side, and the residents who
 * count in it (residents[] of out's last item when it fails). */
typedef struct demand {
    double floor;
    int *residents;
    size_t n_residents;
} demand;

/* The demand on the rows of the run at the places check[0..n) (in the run's order). */
static demand slot_demand(col_index *ix, run_index *ri, const size_t *check, size_t n)
{
    const rp_ilp *ilp = ix->t->ilp;
    demand d = {0, NULL, 0};
    for (size_t i = 0; i < n; i++) {
        size_t a = check[i];
        ri->in_check[a] = true;
        for (size_t k = ri->other_start[a]; k < ri->other_start[a + 1]; k++)
            d.floor += favourable(ilp, ri->other_col[k], ri->other_coef[k], -1);
    }
    for (size_t r = 0; r < ix->t->n_residents; r++) {
        double least = least_at_slot(ix, ri, r);
        if (least <= 0)
            continue;
        d.floor += least;
        d.residents = rp_xrealloc(d.residents, (d.n_residents + 1) * sizeof *d.residents);
        d.residents[d.n_residents++] = (int)r;
    }
    for (size_t i = 0; i < n; i++)
        ri->in_check[check[i]] = false;
    return d;
}

bool rp_count_is_limit(const rp_ilp *ilp, int row)
{
    rp_row_tag tag = rp_ilp_row_tag(ilp, row);
    if (tag.resident != RP_NONE || tag.rule < 0 || tag.first != tag.last ||
        rp_ilp_row_sense(ilp, row) != RP_LE)
        return false;
    const int *col;
    const double *coef;
    size_t n;
    rp_ilp_row_terms(ilp, row, &col, &coef, &n);
    for (size_t k = 0; k < n; k++)
        if (coef[k] <= 0)
            return false;
    return n > 0;
}

/* Checks rows[0..n) (summed) against their summed limit; a finding named by group when they
 * fail. */
static bool check_limit(col_index *ix, run_index *ri, const size_t *check, size_t n,
                        rp_row_tag tag, const char *group, rp_counts *out)
{
    double rhs = 0;
    for (size_t i = 0; i < n; i++)
        rhs += rp_ilp_row_rhs(ix->t->ilp, ri->rows[check[i]]);
    demand d = slot_demand(ix, ri, check, n);
    if (d.floor <= rhs + EPS) {
        free(d.residents);
        return false;
    }
    add_finding(out, tag, RP_LE, d.floor, rhs);
    rp_count *c = &out->items[out->n - 1];
    snprintf(c->group, sizeof c->group, "%s", group);
    c->residents = d.residents;
    c->n_residents = d.n_residents;
    return true;
}

/* ---- groups of facilities ---- */

typedef struct group {
    char name[sizeof ((rp_count *)0)->group];
    bool *member; /* [n_facilities] */
    size_t size;
    bool all;     /* every facility */
} group;

typedef struct groups {
    group *items;
    size_t n;
    size_t n_facilities;
} groups;

static bool same_members(const bool *a, const bool *b, size_t n)
{
    return memcmp(a, b, n * sizeof *a) == 0;
}

/* Adds the group of the facilities where attr(f) == value, unless it has fewer than two
 * members or another group has the same. */
static void add_group(groups *g, const rp_model *m, int (*attr)(const rp_facility *), int value,
                      const char *name)
{
    bool *member = rp_xcalloc(m->n_facilities + 1, sizeof *member);
    size_t count = 0;
    for (size_t f = 0; f < m->n_facilities; f++)
        count += member[f] = attr(&m->facilities[f]) == value;
    for (size_t i = 0; count >= 2 && i < g->n; i++)
        if (same_members(g->items[i].member, member, m->n_facilities))
            count = 0;
    if (count < 2) {
        free(member);
        return;
    }
    g->items = rp_xrealloc(g->items, (g->n + 1) * sizeof *g->items);
    group *it = &g->items[g->n++];
    snprintf(it->name, sizeof it->name, "%s", name);
    it->member = member;
    it->size = count;
    it->all = count == m->n_facilities;
}

static int attr_all(const rp_facility *f) { return f != NULL; }
static int attr_role(const rp_facility *f) { return (int)f->role; }
static int attr_accreditation(const rp_facility *f) { return (int)f->accreditation; }
static int attr_kind(const rp_facility *f) { return (int)f->kind; }
static int attr_remote(const rp_facility *f) { return f->remote; }

static const char *const KIND_NAMES[] = {NULL, "core hospitals", "cooperating hospitals",
                                        "cooperating facilities", "administrative facilities",
                                        "overseas institutions"};

static groups facility_groups(const rp_model *m)
{
    groups g = {NULL, 0, m->n_facilities};
    char name[sizeof ((rp_count *)0)->group];
    add_group(&g, m, attr_all, 1, "all facilities together");
    for (int v = RP_ROLE_BASE; v <= RP_ROLE_RELATED; v++) {
        snprintf(name, sizeof name, "the %s facilities", rp_role_name((rp_role)v));
        add_group(&g, m, attr_role, v, name);
    }
    for (int v = RP_ACCR_SOGO; v <= RP_ACCR_TOKUSHU; v++) {
        snprintf(name, sizeof name, "the %s facilities",
                 rp_accreditation_name((rp_accreditation)v));
        add_group(&g, m, attr_accreditation, v, name);
    }
    for (int v = RP_KIND_CORE; v <= RP_KIND_OVERSEAS; v++) {
        snprintf(name, sizeof name, "the %s", KIND_NAMES[v]);
        add_group(&g, m, attr_kind, v, name);
    }
    add_group(&g, m, attr_remote, 1, "the remote facilities");
    for (size_t i = 1; i < g.n; i++) /* smallest first; ties keep their order */
        for (size_t j = i; j > 0 && g.items[j - 1].size > g.items[j].size; j--) {
            group tmp = g.items[j];
            g.items[j] = g.items[j - 1];
            g.items[j - 1] = tmp;
        }
    return g;
}

static void groups_free(groups *g)
{
    for (size_t i = 0; i < g->n; i++)
        free(g->items[i].member);
    free(g->items);
}

/* ---- the limits, row by row and group by group ---- */

typedef struct limits {
    const rp_ilp *ilp;
    int *rows; /* the limit rows, by rule, then slot */
    size_t n;
} limits;

/* A limit row with its sort key: rows of one rule and one slot form a run. */
typedef struct keyed {
    int rule, slot, row;
} keyed;

static int cmp_keyed(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    if (x->rule != y->rule)
        return x->rule < y->rule ? -1 : 1;
    if (x->slot != y->slot)
        return x->slot < y->slot ? -1 : 1;
    return x->row < y->row ? -1 : x->row > y->row;
}

static limits collect_limits(const rp_ilp *ilp)
{
    size_t nr = rp_ilp_n_rows(ilp), n = 0;
    keyed *k = rp_xmalloc((nr + 1) * sizeof *k);
    for (size_t i = 0; i < nr; i++) {
        if (!rp_count_is_limit(ilp, (int)i))
            continue;
        rp_row_tag tag = rp_ilp_row_tag(ilp, (int)i);
        k[n++] = (keyed){tag.rule, tag.first, (int)i};
    }
    qsort(k, n, sizeof *k, cmp_keyed);
    limits l = {ilp, rp_xmalloc((n + 1) * sizeof *l.rows), n};
    for (size_t i = 0; i < n; i++)
        l.rows[i] = k[i].row;
    free(k);
    return l;
}

/* Whether group k holds a group that already failed (its finding says more). */
static bool contains_failed(const groups *g, size_t k, const bool *group_failed)
{
    for (size_t j = 0; j < k; j++) {
        bool inside = group_failed[j];
        for (size_t f = 0; inside && f < g->n_facilities; f++)
            inside = !g->items[j].member[f] || g->items[k].member[f];
        if (inside)
            return true;
    }
    return false;
}

/* One run of limit rows (one rule, one slot): each row alone, then each group of facilities
 * none of whose rows failed alone. */
static void check_run(col_index *ix, const int *rows, size_t n, const groups *g, rp_counts *out)
{
    const rp_model *m = ix->t->model;
    bool *failed = rp_xcalloc(m->n_facilities + 1, sizeof *failed);
    bool any_whole = false;
    run_index ri;
    run_build(ix, rows, n, &ri);
    for (size_t i = 0; i < n; i++) {
        rp_row_tag tag = rp_ilp_row_tag(ix->t->ilp, rows[i]);
        const char *where = tag.facility >= 0 ? "" : "the programme as a whole";
        if (check_limit(ix, &ri, &i, 1, tag, where, out) && tag.facility >= 0)
            failed[tag.facility] = true;
        any_whole = any_whole || tag.facility < 0;
    }
    size_t *sub = rp_xmalloc((n + 1) * sizeof *sub);
    bool *group_failed = rp_xcalloc(g->n + 1, sizeof *group_failed);
    for (size_t k = 0; k < g->n; k++) { /* smallest groups first */
        size_t ns = 0;
        bool clean = !contains_failed(g, k, group_failed);
        for (size_t i = 0; i < n; i++) {
            rp_row_tag tag = rp_ilp_row_tag(ix->t->ilp, rows[i]);
            if (tag.facility < 0 || !g->items[k].member[tag.facility])
                continue;
            clean = clean && !failed[tag.facility];
            sub[ns++] = i;
        }
        bool whole = g->items[k].all && any_whole; /* the programme's own limit: a row */
        if (ns < 2 || !clean || whole)
            continue;
        rp_row_tag tag = rp_ilp_row_tag(ix->t->ilp, rows[sub[0]]);
        tag.facility = RP_NONE;
        group_failed[k] = check_limit(ix, &ri, sub, ns, tag, g->items[k].name, out);
    }
    run_free(ix, &ri);
    free(group_failed);
    free(sub);
    free(failed);
}

static void check_limits(col_index *ix, rp_counts *out)
{
    limits l = collect_limits(ix->t->ilp);
    groups g = facility_groups(ix->t->model);
    for (size_t i = 0; i < l.n;) {
        rp_row_tag a = rp_ilp_row_tag(l.ilp, l.rows[i]);
        size_t j = i + 1;
        while (j < l.n && rp_ilp_row_tag(l.ilp, l.rows[j]).rule == a.rule &&
               rp_ilp_row_tag(l.ilp, l.rows[j]).first == a.first)
            j++;
        check_run(ix, &l.rows[i], j - i, &g, out);
        i = j;
    }
    groups_free(&g);
    free(l.rows);
}

/* ---- merging: one finding per rule and resident or place, over consecutive periods ---- */

static bool same_subject(const rp_count *a, const rp_count *b)
{
    return a->tag.rule == b->tag.rule && a->tag.resident == b->tag.resident &&
           a->tag.facility == b->tag.facility && a->sense == b->sense &&
           strcmp(a->group, b->group) == 0;
}

static double shortfall(const rp_count *c)
{
    return c->sense == RP_GE ? c->bound - c->reach : c->reach - c->bound;
}

/* Merges each finding into an earlier one of the same subject whose periods it meets or
 * continues: the span grows, the worst shortfall (with its residents) stays. */
static void merge(rp_counts *c)
{
    size_t kept = 0;
    for (size_t i = 0; i < c->n; i++) {
        rp_count *it = &c->items[i];
        rp_count *into = NULL;
        for (size_t j = kept; j-- > 0 && !into;)
            if (same_subject(&c->items[j], it) && it->tag.first <= c->items[j].tag.last + 1 &&
                it->tag.last + 1 >= c->items[j].tag.first)
                into = &c->items[j];
        if (!into) {
            c->items[kept++] = *it;
            continue;
        }
        into->tag.first = it->tag.first < into->tag.first ? it->tag.first : into->tag.first;
        into->tag.last = it->tag.last > into->tag.last ? it->tag.last : into->tag.last;
        if (shortfall(it) > shortfall(into)) {
            rp_row_tag tag = into->tag;
            free(into->residents);
            *into = *it;
            into->tag = tag;
        } else {
            free(it->residents);
        }
    }
    c->n = kept;
}

void rp_count_rows(const rp_translation *t, rp_counts *out)
{
    col_index ix;
    index_build(&ix, t);
    size_t nr = rp_ilp_n_rows(t->ilp);
    for (size_t i = 0; i < nr; i++) {
        rp_row_tag tag = rp_ilp_row_tag(t->ilp, (int)i);
        if (tag.resident >= 0 && tag.rule >= 0 && (size_t)tag.resident < t->n_residents)
            resident_row(&ix, (int)i, out);
    }
    check_limits(&ix, out);
    merge(out);
    index_free(&ix);
}

void rp_counts_free(rp_counts *c)
{
    for (size_t i = 0; i < c->n; i++) {
        free(c->items[i].residents);
        free(c->items[i].least);
    }
    free(c->items);
    memset(c, 0, sizeof *c);
}
