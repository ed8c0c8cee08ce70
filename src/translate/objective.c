/*
 * objective.c: what the solver maximises among compliant plans.
 *
 * Wishes. A resident's ranked wishes (a facility, or a department at any facility that the
 * planner plans department by department) weigh objective.wishes in total: of n wishes, the one
 * ranked k weighs (n - k + 1) / (n (n + 1) / 2). A wish is granted in full by
 * objective.wish_periods periods of presence there (default a year, the radiology programme's
 * rotation unit; 8 weeks in the two-year programme) and in proportion by less: a continuous
 * v[r,w] in [0,1] with
 *     v[r,w] <= (presence periods of r at w) / wish_periods
 * earns its weight times v. A 4-month window at a wished partner grants a third of a radiology
 * wish. The proportional reading is also what keeps the relaxation tight: "visited at all" would
 * let the LP grant a wish with thin slices of many stints.
 *
 * Sessions. Each week with a parallel session costs objective.sessions, so that a plan holds
 * sessions only where they earn something.
 *
 * Balance. Crowded facilities cost: for every facility f and programme year y on the shared
 * calendar (April to March), with N(f,y) the mean number of residents there over the year (those
 * who occupy a place, as RAD-12 counts them), the cost is objective.balance x N^2 / ins(f),
 * ins(f) the facility's instructor figure (at least 0.5): one resident-year at a facility with as
 * many residents as instructors costs about 1, and the same residents spread in proportion to the
 * instructors cost least. The square is linearised exactly at whole numbers with columns v_k in
 * [0,1], k = 1..K, each costing (2k - 1) / ins: sum_k v_k >= N(f,y), and the cheap ones fill
 * first. K stops at 3 ins(f), RAD-12's usual limit; one more column of unbounded size carries the
 * slope beyond. Yearly means rather than months keep this term small: with 1-year rotation units
 * the load only changes within a year around a course's partner window. An integer column counts
 * the residents there for the whole year (year_count): it tightens the relaxation.
 *
 * Shape. The terms that make a plan one a programme would adopt (fewer stints per field, time
 * at the core hospital, free time spread over fields, the standard rotation) are in shape.c.
 */
#include "translate/objective.h"
#include "util/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Adds coef times resident r's presence in period p at the wished place: the facility, or the
 * department (by id) at every facility that has it. */
static void add_wished(const rp_model *m, const rp_space *s, rp_expr *e, size_t r, int p,
                       const rp_wish *w, double coef)
{
    if (w->facility >= 0) {
        rp_space_add_z(s, e, r, p, w->facility, coef);
        return;
    }
    for (size_t f = 0; f < m->n_facilities; f++)
        for (size_t d = 0; d < m->facilities[f].n_departments; d++)
            if (strcmp(m->facilities[f].departments[d].id, w->department) == 0)
                rp_space_add_zd(s, e, r, p, (int)f, (int)d, coef);
}

static void wishes(const rp_model *m, const rp_cohort *c, const rp_timeline *timelines,
                   const rp_space *s, rp_ilp *ilp)
{
    rp_expr e = {0};
    double full = m->objective.wish_periods > 0 ? m->objective.wish_periods
                                                : m->calendar.periods_per_year;
    for (size_t r = 0; r < c->n_residents; r++) {
        const rp_resident *res = &c->residents[r];
        size_t n = res->n_wishes;
        for (size_t k = 0; k < n; k++) {
            int f = res->wishes[k].facility;
            double weight = m->objective.wishes * (double)(n - k) / ((double)n * (n + 1) / 2);
            char name[96];
            snprintf(name, sizeof name, "wish_r%zu_%zu", r, k + 1);
            int v = rp_ilp_add_col(ilp, name, RP_COL_CONTINUOUS, 0, 1);
            rp_ilp_add_obj(ilp, v, weight);
            rp_expr_clear(&e);
            rp_expr_add(&e, v, 1);
            for (int p = 1; p <= timelines[r].horizon; p++)
                if (rp_timeline_presence(m, &timelines[r], p))
                    add_wished(m, s, &e, r, p, &res->wishes[k], -1 / full);
            rp_row_tag tag = {RP_NONE, (int)r, f, 0, 0};
            rp_ilp_add_row(ilp, name, &e, RP_LE, 0, tag);
        }
    }
    rp_expr_free(&e);
}

/* The residents at facility f (who occupy a place) summed over the slots of calendar year y,
 * divided by the slots in a year: the year's mean load N(f,y), as an expression. Returns how
 * many residents could be there at some time of the year. */
static size_t year_load(const rp_model *m, const rp_cohort *c, const rp_timeline *timelines,
                        const rp_space *s, int f, long year, rp_expr *e)
{
    int ppy = m->calendar.periods_per_year;
    rp_expr_clear(e);
    size_t who = 0;
    for (size_t r = 0; r < c->n_residents; r++) {
        size_t before = e->n;
        for (long t = year * ppy; t < (year + 1) * ppy; t++) {
            long p = t - rp_slot(m, c->residents[r].cohort, 1) + 1;
            if (p < 1 || p > timelines[r].horizon ||
                !rp_timeline_occupies(m, &timelines[r], (int)p))
                continue;
            rp_space_add_z(s, e, r, (int)p, f, 1.0 / ppy);
        }
        who += e->n > before;
    }
    rp_expr_normalize(e);
    return who;
}

/* cost(N) = N^2 / ins, piecewise linear and exact at whole numbers: v_k in [0,1] at slope
 * (2k - 1) / ins for k = 1..K, then one unbounded column at slope (2K + 1) / ins. */
/* cost(N) = N^2 / ins, piecewise linear and exact at whole numbers: v_k in [0,1] at slope
 * (2k - 1) / ins for k = 1..K, then one unbounded column at slope (2K + 1) / ins. */
static void year_cost(const rp_model *m, rp_ilp *ilp, int f, long year, const rp_expr *load,
                      size_t who)
{
    double ins = fmax(0.5, m->facilities[f].instructors);
    size_t K = (size_t)floor(3 * ins + 1e-9);
    if (K > who)
        K = who;
    double unit = m->objective.balance / ins;
    rp_expr e = {0};
    for (size_t i = 0; i < load->n; i++)
        rp_expr_add(&e, load->col[i], -load->coef[i]);
    char name[96];
    for (size_t k = 1; k <= K + 1; k++) {
        bool tail = k == K + 1;
        if (tail && K == who)
            break;
        snprintf(name, sizeof name, "load_f%d_y%ld_%zu", f, year, k);
        int v = rp_ilp_add_col(ilp, name, RP_COL_CONTINUOUS, 0, tail ? INFINITY : 1);
        rp_ilp_add_obj(ilp, v, -unit * (2.0 * k - 1));
        rp_expr_add(&e, v, 1);
    }
    snprintf(name, sizeof name, "load_f%d_y%ld", f, year);
    int ppy = m->calendar.periods_per_year;
    rp_row_tag tag = {RP_NONE, RP_NONE, f, (int)(year * ppy), (int)(year * ppy + ppy - 1)};
    rp_ilp_add_row(ilp, name, &e, RP_GE, 0, tag);
    rp_expr_free(&e);
}

/* The whole-year count of facility f in calendar year y: an integer column equal to the number
 * of residents whose stint at f covers every slot of the year (the sum of those pieces' columns),
 * when two or more pieces could. It adds no choice (every plan fixes it), but it is what the LP
 * relaxation gets wrong: with a convex cost it spreads resident-years over facilities in
 * fractions, and Gomory cuts and branching on these counts bring its bound to the plans' (the
 * radiology programme's ten-cohort problems: BENCHMARKS.md). */
static void year_count(const rp_model *m, const rp_cohort *c, const rp_space *s, int f, long year,
                       rp_ilp *ilp)
{
    int ppy = m->calendar.periods_per_year;
    long first = year * ppy, last = first + ppy - 1;
    rp_expr e = {0};
    int n = 0;
    for (size_t r = 0; r < c->n_residents; r++) {
        size_t np;
        const rp_piece *pc = rp_space_pieces(s, r, &np);
        long s0 = rp_slot(m, c->residents[r].cohort, 1) - 1; /* slot of period p: s0 + p */
        for (size_t i = 0; i < np; i++)
            if (pc[i].facility == f && s0 + pc[i].first <= first && s0 + pc[i].last >= last) {
                rp_expr_add(&e, pc[i].col, -1);
                n++;
            }
    }
    if (n >= 2) {
        char name[96];
        snprintf(name, sizeof name, "count_f%d_y%ld", f, year);
        int v = rp_ilp_add_col(ilp, name, RP_COL_INTEGER, 0, n);
        rp_expr_add(&e, v, 1);
        rp_expr_normalize(&e);
        rp_row_tag tag = {RP_NONE, RP_NONE, f, (int)first, (int)last};
        rp_ilp_add_row(ilp, name, &e, RP_EQ, 0, tag);
    }
    rp_expr_free(&e);
}

static void balance(const rp_model *m, const rp_cohort *c, const rp_timeline *timelines,
                    const rp_space *s, rp_ilp *ilp)
{
    if (m->objective.balance <= 0 || c->n_residents == 0)
        return;
    int lo = c->residents[0].cohort, hi = lo;
    for (size_t r = 0; r < c->n_residents; r++) {
        int y = c->residents[r].cohort;
        int span = (timelines[r].horizon + m->calendar.periods_per_year - 1) /
                   m->calendar.periods_per_year;
        lo = y < lo ? y : lo;
        hi = y + span - 1 > hi ? y + span - 1 : hi;
    }
    rp_expr load = {0};
    for (size_t f = 0; f < m->n_facilities; f++) {
        if (m->facilities[f].role == RP_ROLE_BASE)
            continue; /* the base is meant to hold many: RAD-12 alone bounds it */
        for (long year = lo; year <= hi; year++) {
            size_t who = year_load(m, c, timelines, s, (int)f, year, &load);
            if (load.n > 0) {
                year_cost(m, ilp, (int)f, year, &load, who);
                year_count(m, c, s, (int)f, year, ilp);
            }
        }
    }
    rp_expr_free(&load);
}

/* Each week with a parallel session costs objective.sessions: a session only where it earns a
 * wish, a bonus or a plan at all. */
static void sessions(const rp_model *m, const rp_cohort *c, const rp_space *s, rp_ilp *ilp)
{
    for (size_t r = 0; m->objective.sessions > 0 && r < c->n_residents; r++) {
        size_t n;
        const rp_piece *pieces = rp_space_pieces(s, r, &n);
        for (size_t i = 0; i < n; i++)
            if (pieces[i].par_department >= 0)
                rp_ilp_add_obj(ilp, pieces[i].col,
                               -m->objective.sessions * (pieces[i].last - pieces[i].first + 1));
    }
}

void rp_objective_build(const rp_model *m, const rp_cohort *c, const rp_timeline *timelines,
                        const rp_space *s, rp_ilp *ilp)
{
    wishes(m, c, timelines, s, ilp);
    sessions(m, c, s, ilp);
    balance(m, c, timelines, s, ilp);
    rp_objective_shape(m, c, timelines, s, ilp);
}
