/*
 * whatif_bound.c: how many resident-periods every plan of a what-if must change, counted on the
 * translation anchored to the earlier plan (anchor.c), before any search; and which pieces a
 * plan that changes no more than that cannot use.
 *
 * A cell is one open period (from the what-if date on) of a resident of the earlier plan that
 * holds a block there (anchor.c's open periods); a plan keeps it when a piece covering it agrees
 * with the earlier block (the facility, and the department where both name one: anchor.c's
 * agreement, which the first stage counts). The bound adds, on disjoint sets of cells:
 *   - each cell that no piece left open (upper bound above 0) agrees with: it changes in every
 *     plan (a withdrawn place, a past that leaves it no piece);
 *   - for each row  sum_j a_j x_j <= b  (every a_j >= 0, every column >= 0) that the earlier
 *     plan breaks (a capacity cut, an instructor cut), a set C of cells of distinct residents,
 *     each of whose agreeing open pieces has a_j >= 1 in the row: the kept cells of C put at
 *     least that many on the left-hand side, so at most floor(b) of them are kept and at least
 *     |C| - floor(b) change. A cell (r, p) that changes costs more than itself when exactly one
 *     piece covers each period of r (a row  sum of the pieces covering p = 1: RAD-06's,
 *     INIT's skeleton): the piece that covers p then disagrees with p, and changes every other
 *     cell of its own that it disagrees with and that only one piece may cover, so the cell
 *     costs the fewest such cells of
 *     any open piece that covers p without agreeing (a 4-week unit cut at one over-full week
 *     changes 4 periods). The row then counts the |C| - floor(b) smallest costs, and holds every
 *     cell those pieces span (the cell's neighbourhood, which must be free of other sets).
 * Rows are a rule's own (a capacity's per slot, RAD-12's per facility): nothing here reads a rule
 * kind, so a model of another shape is bounded the same way, and a row that may bend (its slack
 * column has a negative coefficient) is never used.
 *
 * When a plan changes exactly the bound, every changed cell is one of those sets' (the sum is
 * tight term by term), so every piece that disagrees with a cell outside them is 0 in every such
 * plan: those pieces are the `off` columns, which the later stages leave out. This is a proof,
 * not a heuristic: the plans left out all change more.
 */
#include "cli/whatif.h"
#include "rotaplan/calendar.h"
#include "translate/space.h"
#include "util/util.h"

#include <math.h>
#include <stdlib.h>

/* The earlier plan's block in one period of one resident (facility -1 where it holds none). */
typedef struct cell {
    bool known;
    int facility, department;
} cell;

enum { FREE = 0, MUST, COUNTED };

/* What the bound works on: the resident's cells and open period, by translation index. */
typedef struct cells {
    cell **c;     /* [r][p], p in 1..horizon; NULL for a resident not in the earlier plan */
    int *open;    /* the first period that is not past */
    char **state; /* [r][p]: FREE, MUST or COUNTED */
    bool **exact; /* [r][p]: a row holds the pieces covering p to exactly one */
} cells;

/* One cell of a row's set: what changing it costs, and the periods that cost lies in. */
typedef struct cand {
    int r, p, lo, hi;
    long cost;
} cand;

static cell *cells_of(const rp_plan *old, int o, int horizon)
{
    cell *c = rp_xcalloc((size_t)horizon + 2, sizeof *c);
    for (size_t i = 0; i < old->n_stints; i++) {
        const rp_stint *s = &old->stints[i];
        if (s->resident != o || s->mode == RP_MODE_PARALLEL)
            continue;
        for (int p = s->first < 1 ? 1 : s->first; p <= s->last && p <= horizon; p++) {
            c[p].known = true;
            c[p].facility = s->facility;
            c[p].department = s->department;
        }
    }
    return c;
}

/* anchor.c's block agreement: the same facility, and department where both name one */
static bool agrees(const rp_piece *pc, const cell *c)
{
    return c->known && rp_anchor_agrees(pc, c->facility, c->department);
}

static bool col_open(const rp_ilp *ilp, int col)
{
    double lb, ub;
    rp_ilp_col_bounds(ilp, col, &lb, &ub);
    return ub > 0.5;
}

/* Whether cell p of resident r has an agreeing piece left open; with coef (a row's
 * coefficients by column, or NULL), whether every such piece has a coefficient >= 1 there. */
static bool agreeing(const rp_translation *t, size_t r, int p, const cell *c, const double *coef)
{
    size_t n, np;
    const int *cov = rp_space_covering(t->space, r, p, &n);
    const rp_piece *pieces = rp_space_pieces(t->space, r, &np);
    bool any = false;
    for (size_t i = 0; i < n; i++) {
        const rp_piece *pc = &pieces[cov[i]];
        if (!agrees(pc, c) || !col_open(t->ilp, pc->col))
            continue;
        if (coef && coef[pc->col] < 1 - 1e-9)
            return false;
        any = true;
    }
    return any;
}

/* The cells no open piece agrees with: each changes in every plan. */
static long must_cells(const rp_translation *t, cells *cs)
{
    long n = 0;
    for (size_t r = 0; r < t->n_residents; r++) {
        int horizon = rp_space_horizon(t->space, r);
        for (int p = cs->open[r]; cs->c[r] && p <= horizon; p++) {
            if (cs->c[r][p].known && !agreeing(t, r, p, &cs->c[r][p], NULL)) {
                cs->state[r][p] = MUST;
                n++;
            }
        }
    }
    return n;
}

/* Whether row i is  sum a_j x_j <= b  with every a_j >= 0 on columns >= 0, broken at x_old. */
static bool usable_row(const rp_ilp *ilp, int i, const double *x_old)
{
    if (rp_ilp_row_sense(ilp, i) != RP_LE)
        return false;
    const int *col;
    const double *a;
    size_t n;
    rp_ilp_row_terms(ilp, i, &col, &a, &n);
    for (size_t k = 0; k < n; k++) {
        double lb, ub;
        rp_ilp_col_bounds(ilp, col[k], &lb, &ub);
        if (a[k] < 0 || lb < 0)
            return false;
    }
    return rp_ilp_row_activity(ilp, i, x_old) > rp_ilp_row_rhs(ilp, i) + 1e-6;
}

/* The column -> (resident, piece) map of every piece column (-1 elsewhere). */
static void piece_owners(const rp_translation *t, int *res, int *piece)
{
    size_t n = rp_ilp_n_cols(t->ilp);
    for (size_t j = 0; j < n; j++)
        res[j] = piece[j] = -1;
    for (size_t r = 0; r < t->n_residents; r++) {
        size_t np;
        const rp_piece *pc = rp_space_pieces(t->space, r, &np);
        for (size_t i = 0; i < np; i++) {
            res[pc[i].col] = (int)r;
            piece[pc[i].col] = (int)i;
        }
    }
}

/* Whether the same pieces cover periods p - 1 and p of resident r (rp_ilp_add_row leaves out
 * a row equal to one before, so the exact-cover row of p may be p - 1's). */
static bool same_cover(const rp_translation *t, size_t r, int p)
{
    size_t n, m;
    const int *a = rp_space_covering(t->space, r, p - 1, &n);
    const int *b = rp_space_covering(t->space, r, p, &m);
    if (n != m)
        return false;
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return false;
    return true;
}

/* Marks the cells p of every exact-cover row  sum of the pieces of r covering p = 1. */
static void exact_cover(const rp_translation *t, cells *cs, const int *res, const int *piece)
{
    for (size_t i = 0; i < rp_ilp_n_rows(t->ilp); i++) {
        rp_row_tag tag = rp_ilp_row_tag(t->ilp, (int)i);
        int r = tag.resident, p = tag.first;
        if (r < 0 || (size_t)r >= t->n_residents || !cs->c[r] || p != tag.last || p < 1 ||
            p > rp_space_horizon(t->space, (size_t)r) ||
            rp_ilp_row_sense(t->ilp, (int)i) != RP_EQ ||
            fabs(rp_ilp_row_rhs(t->ilp, (int)i) - 1) > 1e-9)
            continue;
        const int *col;
        const double *a;
        size_t n, nc, np;
        rp_ilp_row_terms(t->ilp, (int)i, &col, &a, &n);
        rp_space_covering(t->space, (size_t)r, p, &nc);
        const rp_piece *pc = rp_space_pieces(t->space, (size_t)r, &np);
        bool exact = n == nc;
        for (size_t k = 0; exact && k < n; k++)
            exact = res[col[k]] == r && fabs(a[k] - 1) < 1e-9 &&
                    pc[piece[col[k]]].first <= p && p <= pc[piece[col[k]]].last;
        cs->exact[r][p] = cs->exact[r][p] || exact;
    }
    for (size_t r = 0; r < t->n_residents; r++) /* a row the same as one before is left out */
        for (int p = 2; cs->c[r] && p <= rp_space_horizon(t->space, r); p++)
            cs->exact[r][p] = cs->exact[r][p] || (cs->exact[r][p - 1] && same_cover(t, r, p));
}

/* The cost of changing cell p of r and the periods it lies in (cand's lo..hi): 1 and p alone
 * unless exactly one piece covers p and every cell the disagreeing pieces span is free. */
static void cost_of(const rp_translation *t, const cells *cs, cand *c)
{
    int r = c->r, p = c->p;
    c->lo = c->hi = p;
    c->cost = 1;
    if (!cs->exact[r][p])
        return;
    size_t n, np;
    const int *cov = rp_space_covering(t->space, (size_t)r, p, &n);
    const rp_piece *pieces = rp_space_pieces(t->space, (size_t)r, &np);
    long best = -1;
    int lo = p, hi = p;
    for (size_t i = 0; i < n; i++) {
        const rp_piece *pc = &pieces[cov[i]];
        if (agrees(pc, &cs->c[r][p]) || !col_open(t->ilp, pc->col))
            continue;
        long k = 0;
        for (int q = pc->first > cs->open[r] ? pc->first : cs->open[r]; q <= pc->last; q++)
            k += cs->c[r][q].known && !agrees(pc, &cs->c[r][q]) && cs->exact[r][q];
        best = best < 0 || k < best ? k : best;
        lo = pc->first < lo ? pc->first : lo;
        hi = pc->last > hi ? pc->last : hi;
    }
    if (lo < cs->open[r])
        lo = cs->open[r];
    for (int q = lo; q <= hi; q++)
        if (q != p && cs->c[r][q].known && cs->state[r][q] != FREE)
            return; /* another set holds a cell there: p alone */
    if (best > 1) {
        c->cost = best;
        c->lo = lo;
        c->hi = hi;
    }
}

static int by_cost(const void *a, const void *b)
{
    long x = ((const cand *)a)->cost, y = ((const cand *)b)->cost;
    return (x > y) - (x < y);
}

/* Row i's set of cells (one a resident, FREE before, every agreeing open piece in the row with
 * a coefficient >= 1); when more than floor(b) of them, every cell of their neighbourhoods is
 * COUNTED and the sum of the |C| - floor(b) smallest costs returned. */
static long row_cells(const rp_translation *t, cells *cs, int i, double *coef, const int *res,
                      const int *piece, int *seen, cand *cands)
{
    const int *col;
    const double *a;
    size_t n, k = 0;
    rp_ilp_row_terms(t->ilp, i, &col, &a, &n);
    for (size_t q = 0; q < n; q++)
        coef[col[q]] = a[q];
    for (size_t q = 0; q < n; q++) {
        int r = res[col[q]];
        if (r < 0 || !cs->c[r] || seen[r] == i || a[q] < 1 - 1e-9)
            continue;
        size_t np;
        const rp_piece *pc = &rp_space_pieces(t->space, (size_t)r, &np)[piece[col[q]]];
        for (int p = pc->first > cs->open[r] ? pc->first : cs->open[r]; p <= pc->last; p++) {
            const cell *c = &cs->c[r][p];
            if (cs->state[r][p] != FREE || !agrees(pc, c) || !agreeing(t, (size_t)r, p, c, coef))
                continue;
            seen[r] = i;
            cands[k].r = r;
            cands[k++].p = p;
            break;
        }
    }
    for (size_t q = 0; q < n; q++)
        coef[col[q]] = 0;
    double b = floor(rp_ilp_row_rhs(t->ilp, i) + 1e-9);
    size_t keep = b < 0 ? 0 : (size_t)b; /* b < 0: no plan keeps any of them */
    if (k <= keep)
        return 0;
    for (size_t q = 0; q < k; q++)
        cost_of(t, cs, &cands[q]);
    for (size_t q = 0; q < k; q++) {
        int r = cands[q].r;
        for (int p = cands[q].lo; p <= cands[q].hi; p++)
            cs->state[r][p] = cs->c[r][p].known ? COUNTED : cs->state[r][p];
    }
    qsort(cands, k, sizeof *cands, by_cost);
    long sum = 0;
    for (size_t q = 0; q < k - keep; q++)
        sum += cands[q].cost;
    return sum;
}

/* The rows' part of the bound (x_old: the earlier plan encoded). */
static long row_bound(const rp_translation *t, cells *cs, const double *x_old)
{
    size_t n = rp_ilp_n_cols(t->ilp);
    double *coef = rp_xcalloc(n + 1, sizeof *coef);
    int *res = rp_xmalloc((n + 1) * sizeof *res), *piece = rp_xmalloc((n + 1) * sizeof *piece);
    int *seen = rp_xmalloc((t->n_residents + 1) * sizeof *seen);
    cand *cands = rp_xmalloc((t->n_residents + 1) * sizeof *cands);
    for (size_t r = 0; r < t->n_residents; r++)
        seen[r] = -1;
    piece_owners(t, res, piece);
    exact_cover(t, cs, res, piece);
    long bound = 0;
    for (size_t i = 0; i < rp_ilp_n_rows(t->ilp); i++)
        if (usable_row(t->ilp, (int)i, x_old))
            bound += row_cells(t, cs, (int)i, coef, res, piece, seen, cands);
    free(coef);
    free(res);
    free(piece);
    free(seen);
    free(cands);
    return bound;
}

/* The pieces that disagree with a FREE cell: none of them in a plan that changes only the
 * bound's cells. */
static bool *off_columns(const rp_translation *t, const cells *cs)
{
    size_t n = rp_ilp_n_cols(t->ilp);
    bool *off = rp_xcalloc(n + 1, sizeof *off);
    for (size_t r = 0; r < t->n_residents; r++) {
        size_t np;
        const rp_piece *pc = rp_space_pieces(t->space, r, &np);
        for (size_t i = 0; cs->c[r] && i < np; i++) {
            for (int p = pc[i].first > cs->open[r] ? pc[i].first : cs->open[r];
                 p <= pc[i].last && !off[pc[i].col]; p++)
                off[pc[i].col] = cs->c[r][p].known && cs->state[r][p] == FREE &&
                                 !agrees(&pc[i], &cs->c[r][p]);
        }
    }
    return off;
}

long rp_whatif_fewest(const rp_translation *t, const rp_plan *old, rp_date from, bool **off,
                      bool **bounded)
{
    *off = NULL;
    rp_diags d = RP_DIAGS_INIT;
    double *x_old = NULL;
    int fits = rp_encode(t, old, &x_old, &d);
    rp_diags_free(&d);
    cells cs;
    cs.c = rp_xcalloc(t->n_residents + 1, sizeof *cs.c);
    cs.open = rp_xcalloc(t->n_residents + 1, sizeof *cs.open);
    cs.state = rp_xcalloc(t->n_residents + 1, sizeof *cs.state);
    cs.exact = rp_xcalloc(t->n_residents + 1, sizeof *cs.exact);
    for (size_t r = 0; r < t->n_residents; r++) {
        const rp_resident *res = &t->cohort->residents[r];
        int o = rp_plan_resident_index(old, res->id), horizon = rp_space_horizon(t->space, r);
        if (o == RP_NONE || old->residents[o].cohort != res->cohort)
            continue; /* a new resident: no cell to keep */
        cs.c[r] = cells_of(old, o, horizon);
        cs.open[r] = rp_anchor_first_open(t->model, res->cohort, horizon, from);
        cs.state[r] = rp_xcalloc((size_t)horizon + 2, 1);
        cs.exact[r] = rp_xcalloc((size_t)horizon + 2, sizeof **cs.exact);
    }
    long bound = must_cells(t, &cs);
    if (fits == 0)
        bound += row_bound(t, &cs, x_old);
    *off = off_columns(t, &cs);
    *bounded = rp_xcalloc(t->n_residents + 1, sizeof **bounded);
    for (size_t r = 0; r < t->n_residents; r++) {
        int horizon = rp_space_horizon(t->space, r);
        for (int p = 1; cs.c[r] && p <= horizon; p++)
            (*bounded)[r] = (*bounded)[r] || cs.state[r][p] != FREE;
        free(cs.c[r]);
        free(cs.state[r]);
        free(cs.exact[r]);
    }
    free(cs.c);
    free(cs.open);
    free(cs.state);
    free(cs.exact);
    free(x_old);
    return bound;
}
