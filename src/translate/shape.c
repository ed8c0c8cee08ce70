/*
 * shape.c: the terms of the objective that shape a plan the way a programme builds one (after
 * the hard rules, which the rows already enforce). Fields, blocks, stints and the standard
 * rotation are defined in shape.h; each weight is the model's (objective.stints, away, excess,
 * standard; 0 leaves the term out), a cost per programme year unless said otherwise, so that
 * one period costs weight / P with P the calendar's periods a year. L = objective.field_periods.
 *
 * Stints. y[r,a,p] = the pieces of r covering p in field a (a sum of binaries, 0 or 1). A stint
 * of a starts at p when y[r,a,p] = 1 and y[r,a,p-1] = 0; p can only be a period where some piece
 * of r starts (elsewhere every piece covering p covers p-1 too): the set B_r. With continuous
 * start columns
 *     s[r,a,p] >= y[r,a,p] - y[r,a,p-1]   (p in B_r, p > 1),
 *     e[r,a]   >= y[r,a,1] + sum_p s[r,a,p] - 1,   e >= 0,
 * e[r,a] is the number of stints of a beyond the first and costs objective.stints each. Only
 * the stints beyond the first cost: a required field needs one stint in every plan while the
 * LP relaxation, which may spread a resident thinly over every field, counts less than one; a
 * cost on every stint would open a gap of about one stint per field that no plan can close,
 * while the cost of the extra stints is 0 both in the relaxation and in a plan that keeps every
 * field in one stint.
 *
 * Away. Each period of a piece at a facility other than the core hospital (shape.h
 * rp_shape_home) costs away / P: no row, no column. A wish for a partner (objective.wishes) or a
 * capacity that the core lacks outweighs it. (A convex form per resident, which would share the
 * time away out evenly, made the 30-resident cohort slow to prove: BENCHMARKS.md.)
 *
 * Excess. The same convex cost on the periods of each field beyond L: w[r,a] - L <= sum_k u,
 * u[r,a,k] in [0, L] at k x excess / P. A field's required minimum costs what it costs in every
 * plan; free time beyond L in one field costs more with every L, so that free choice is spread
 * over several fields (and wishes) instead of crowding into one.
 *
 * Standard rotation. Each period in which r's block matches the block of r's offset group
 * (rp_standard_block) earns standard / P: a piece earns it for each of its periods that match,
 * and the constant -standard / P x (the periods the pattern counts) makes the term
 * -standard / P x (the periods off the pattern), the measure's distance. No row, no column.
 * Besides being what a programme publishes, the pattern is what makes the stints term cheap: the
 * LP relaxation of the start rows alone spreads a resident thinly over every field and counts no
 * extra stint, so that GLPK's branching has to find contiguous blocks by itself (35 s for one
 * resident of the two-year programme), while a pattern proposes them.
 */
#include "translate/objective.h"
#include "rotaplan/shape.h"
#include "translate/space.h"
#include "util/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The fields of the model's blocks, numbered: field_of[base[f] + d + 1] for department d of
 * facility f (d = -1: the facility as a whole). */
typedef struct fields {
    const char **names;
    size_t n;
    size_t *base;
    int *field_of;
} fields;

static void fields_build(const rp_model *m, fields *out)
{
    size_t total = 0;
    out->base = rp_xmalloc((m->n_facilities + 1) * sizeof *out->base);
    for (size_t f = 0; f < m->n_facilities; f++) {
        out->base[f] = total;
        total += m->facilities[f].n_departments + 1;
    }
    out->field_of = rp_xmalloc((total + 1) * sizeof *out->field_of);
    out->names = rp_xmalloc((total + 1) * sizeof *out->names);
    out->n = 0;
    for (size_t f = 0; f < m->n_facilities; f++) {
        /* a facility planned by department has no piece of the facility as a whole */
        int first = rp_space_by_department(&m->facilities[f]) ? 0 : -1;
        out->field_of[out->base[f]] = -1;
        for (int d = first; d < (int)m->facilities[f].n_departments; d++) {
            const char *name = rp_shape_field(m, (int)f, d);
            size_t k = 0;
            while (k < out->n && strcmp(out->names[k], name) != 0)
                k++;
            if (k == out->n)
                out->names[out->n++] = name;
            out->field_of[out->base[f] + (size_t)(d + 1)] = (int)k;
        }
    }
}

static void fields_free(fields *fl)
{
    free(fl->names);
    free(fl->base);
    free(fl->field_of);
}

static int piece_field(const fields *fl, const rp_piece *pc)
{
    if (pc->facility < 0)
        return -1;
    return fl->field_of[fl->base[pc->facility] + (size_t)(pc->department + 1)];
}

/* Adds coef x y[r,a,p] to e. */
static void add_y(const rp_space *s, const fields *fl, rp_expr *e, size_t r, int a, int p,
                  double coef)
{
    size_t n;
    const int *cov = rp_space_covering(s, r, p, &n);
    size_t np;
    const rp_piece *pieces = rp_space_pieces(s, r, &np);
    for (size_t i = 0; i < n; i++)
        if (piece_field(fl, &pieces[cov[i]]) == a)
            rp_expr_add(e, pieces[cov[i]].col, coef);
}

/* Whether some piece of r starts at p (a stint may start there). */
static bool boundary(const rp_space *s, size_t r, int p)
{
    size_t n, np;
    const int *cov = rp_space_covering(s, r, p, &n);
    const rp_piece *pieces = rp_space_pieces(s, r, &np);
    for (size_t i = 0; i < n; i++)
        if (pieces[cov[i]].first == p)
            return true;
    return false;
}

/* The stints of field a beyond the first, for resident r (see the header). */
static void extra_stints(const rp_model *m, const rp_space *s, const fields *fl, size_t r, int a,
                         const bool *starts, rp_ilp *ilp)
{
    int horizon = rp_space_horizon(s, r);
    rp_expr e = {0}, row = {0};
    char name[128];
    rp_row_tag tag = {RP_NONE, (int)r, RP_NONE, 1, horizon};
    add_y(s, fl, &e, r, a, 1, 1);
    for (int p = 2; p <= horizon; p++) {
        if (!starts[p])
            continue;
        rp_expr_clear(&row);
        add_y(s, fl, &row, r, a, p, 1);
        if (row.n == 0)
            continue; /* no piece of a covers p: no stint starts there */
        add_y(s, fl, &row, r, a, p - 1, -1);
        snprintf(name, sizeof name, "start_r%zu_a%d_p%d", r, a, p);
        int sc = rp_ilp_add_col(ilp, name, RP_COL_CONTINUOUS, 0, 1);
        rp_expr_add(&row, sc, -1);
        rp_row_tag t = {RP_NONE, (int)r, RP_NONE, p - 1, p};
        rp_ilp_add_row(ilp, name, &row, RP_LE, 0, t);
        rp_expr_add(&e, sc, 1);
    }
    rp_expr_normalize(&e);
    if (e.n > 1) {
        snprintf(name, sizeof name, "stints_r%zu_a%d", r, a);
        int ec = rp_ilp_add_col(ilp, name, RP_COL_CONTINUOUS, 0, INFINITY);
        rp_ilp_add_obj(ilp, ec, -m->objective.stints);
        rp_expr_add(&e, ec, -1);
        rp_ilp_add_row(ilp, name, &e, RP_LE, 1, tag);
    }
    rp_expr_free(&e);
    rp_expr_free(&row);
}

/* e - sum_k u_k <= free, u_k in [0, L] at k x unit a period (e is consumed): a convex cost of e
 * beyond free, in stretches of L. */
static void convex_cost(const rp_model *m, rp_ilp *ilp, rp_expr *e, double free_periods,
                        double most, double unit, size_t r, const char *what)
{
    int L = m->objective.field_periods;
    double over = most - free_periods;
    if (over <= 0 || e->n == 0)
        return;
    char name[128];
    size_t K = (size_t)ceil(over / L);
    for (size_t k = 1; k <= K; k++) {
        snprintf(name, sizeof name, "%s_%zu", what, k);
        int u = rp_ilp_add_col(ilp, name, RP_COL_CONTINUOUS, 0, L);
        rp_ilp_add_obj(ilp, u, -unit * (double)k);
        rp_expr_add(e, u, -1);
    }
    rp_row_tag tag = {RP_NONE, (int)r, RP_NONE, 1, (int)most};
    rp_ilp_add_row(ilp, what, e, RP_LE, free_periods, tag);
}

static void away(const rp_model *m, const rp_space *s, size_t r, rp_ilp *ilp)
{
    size_t np;
    const rp_piece *pieces = rp_space_pieces(s, r, &np);
    double unit = m->objective.away / m->calendar.periods_per_year;
    for (size_t i = 0; i < np; i++)
        if (pieces[i].facility >= 0 && !rp_shape_home(m, pieces[i].facility))
            rp_ilp_add_obj(ilp, pieces[i].col, -unit * (pieces[i].last - pieces[i].first + 1));
}

static void excess(const rp_model *m, const rp_space *s, const fields *fl, size_t r, int a,
                   rp_ilp *ilp)
{
    size_t np;
    const rp_piece *pieces = rp_space_pieces(s, r, &np);
    rp_expr e = {0};
    for (size_t i = 0; i < np; i++)
        if (piece_field(fl, &pieces[i]) == a)
            rp_expr_add(&e, pieces[i].col, pieces[i].last - pieces[i].first + 1);
    char name[64];
    snprintf(name, sizeof name, "excess_r%zu_a%d", r, a);
    double unit = m->objective.excess / m->calendar.periods_per_year;
    convex_cost(m, ilp, &e, m->objective.field_periods, rp_space_horizon(s, r), unit, r, name);
    rp_expr_free(&e);
}

/* The reward of each period on the standard rotation, and the constant that makes the term minus
 * the periods off it. */
static void standard(const rp_model *m, const rp_cohort *c, const rp_timeline *timelines,
                     const rp_space *s, rp_ilp *ilp)
{
    const char **ids = rp_xmalloc((c->n_residents + 1) * sizeof *ids);
    int *cohorts = rp_xmalloc((c->n_residents + 1) * sizeof *cohorts);
    for (size_t r = 0; r < c->n_residents; r++) {
        ids[r] = c->residents[r].id;
        cohorts[r] = c->residents[r].cohort;
    }
    double unit = m->objective.standard / m->calendar.periods_per_year;
    for (size_t r = 0; r < c->n_residents; r++) {
        int g = rp_standard_group(m, ids[r], cohorts[r], ids, cohorts, c->n_residents);
        for (int p = 1; p <= timelines[r].horizon; p++) {
            const rp_std_block *b = rp_standard_block(m, g, p);
            if (b && !b->free && rp_status_keeps_facility(timelines[r].status[p]))
                rp_ilp_add_obj_constant(ilp, -unit);
        }
        size_t np;
        const rp_piece *pieces = rp_space_pieces(s, r, &np);
        for (size_t i = 0; i < np; i++) {
            int on = 0;
            for (int p = pieces[i].first; p <= pieces[i].last; p++) {
                const rp_std_block *b = rp_standard_block(m, g, p);
                on += b && !b->free &&
                      rp_standard_matches(m, b, pieces[i].facility, pieces[i].department);
            }
            if (on)
                rp_ilp_add_obj(ilp, pieces[i].col, unit * on);
        }
    }
    free(ids);
    free(cohorts);
}

void rp_objective_shape(const rp_model *m, const rp_cohort *c, const rp_timeline *timelines,
                        const rp_space *s, rp_ilp *ilp)
{
    const rp_objective *o = &m->objective;
    if (o->standard > 0 && m->standard.groups > 0)
        standard(m, c, timelines, s, ilp);
    if (o->stints <= 0 && o->away <= 0 && o->excess <= 0)
        return;
    fields fl;
    fields_build(m, &fl);
    bool *seen = rp_xcalloc(fl.n + 1, sizeof *seen);
    for (size_t r = 0; r < c->n_residents; r++) {
        int horizon = rp_space_horizon(s, r);
        bool *starts = rp_xcalloc((size_t)horizon + 2, sizeof *starts);
        for (int p = 1; p <= horizon; p++)
            starts[p] = boundary(s, r, p);
        memset(seen, 0, (fl.n + 1) * sizeof *seen);
        size_t np;
        const rp_piece *pieces = rp_space_pieces(s, r, &np);
        for (size_t i = 0; i < np; i++) {
            int a = piece_field(&fl, &pieces[i]);
            if (a >= 0)
                seen[a] = true;
        }
        for (size_t a = 0; a < fl.n; a++) {
            if (!seen[a])
                continue;
            if (o->stints > 0)
                extra_stints(m, s, &fl, r, (int)a, starts, ilp);
            if (o->excess > 0)
                excess(m, s, &fl, r, (int)a, ilp);
        }
        if (o->away > 0)
            away(m, s, r, ilp);
        free(starts);
    }
    free(seen);
    fields_free(&fl);
}
