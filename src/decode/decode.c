/*
 * decode.c: solution -> plan, and plan -> the values that represent it (the "debug solution" of a
 * hand-made plan, for tests that substitute it into the rows). Decoding never repairs: a piece
 * value that is not 0 or 1, or a period held twice or not at all, is an internal error.
 *
 * A plan's stints are the chosen pieces of each resident, adjacent pieces at one facility merged;
 * a pinned department is laid over the periods it pins. The course of a resident is its fixed
 * course, or the course whose column the solver set.
 */
#include "rotaplan/translate.h"
#include "translate/space.h"
#include "util/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static bool is_one(double v)
{
    return fabs(v - 1) < 1e-6;
}

static bool is_zero(double v)
{
    return fabs(v) < 1e-6;
}

/* The piece index holding each period of r: [horizon + 1], -1 where none. */
static int *chosen_pieces(const rp_translation *t, size_t r, const double *x, rp_diags *d)
{
    int h = rp_space_horizon(t->space, r);
    size_t np;
    const rp_piece *pieces = rp_space_pieces(t->space, r, &np);
    int *held = rp_xmalloc(((size_t)h + 1) * sizeof *held);
    for (int p = 0; p <= h; p++)
        held[p] = -1;
    const char *id = t->cohort->residents[r].id;
    for (size_t i = 0; i < np; i++) {
        double v = x[pieces[i].col];
        if (is_zero(v))
            continue;
        if (!is_one(v)) {
            rp_diag_add(d, RP_ERROR, NULL, 0, 0, 0,
                        "internal error: piece %s of resident '%s' has value %g, not 0 or 1",
                        rp_ilp_col_name(t->ilp, pieces[i].col), id, v);
            free(held);
            return NULL;
        }
        for (int p = pieces[i].first; p <= pieces[i].last; p++) {
            if (held[p] >= 0) {
                rp_diag_add(d, RP_ERROR, NULL, 0, 0, 0,
                            "internal error: resident '%s' holds two pieces in period %d", id, p);
                free(held);
                return NULL;
            }
            held[p] = (int)i;
        }
    }
    for (int p = 1; p <= h; p++) {
        if (held[p] < 0) {
            rp_diag_add(d, RP_ERROR, NULL, 0, 0, 0,
                        "internal error: resident '%s' holds no piece in period %d", id, p);
            free(held);
            return NULL;
        }
    }
    return held;
}

static int pinned_department(const rp_resident *r, int p)
{
    for (size_t i = 0; i < r->n_pins; i++)
        if (r->pins[i].first <= p && p <= r->pins[i].last)
            return r->pins[i].department;
    return RP_NONE;
}

static int decoded_course(const rp_translation *t, size_t r, const double *x)
{
    int fixed = rp_space_fixed_course(t->space, r);
    if (fixed != RP_ANY)
        return fixed;
    for (size_t k = 0; k < t->model->n_courses; k++) {
        int col = rp_space_course_col(t->space, r, (int)k);
        if (col >= 0 && x[col] > 0.5)
            return (int)k;
    }
    return RP_NONE;
}

static void add_stints(rp_plan *plan, int pr, const rp_resident *res, const rp_piece *pieces,
                       const int *held, int h)
{
    int p = 1;
    while (p <= h) {
        int f = pieces[held[p]].facility, dep = pinned_department(res, p);
        int q = p;
        while (q + 1 <= h && pieces[held[q + 1]].facility == f &&
               pinned_department(res, q + 1) == dep)
            q++;
        rp_stint s = {.resident = pr, .facility = f, .department = dep, .mode = RP_MODE_BLOCK,
                      .first = p, .last = q};
        rp_plan_add_stint(plan, &s);
        p = q + 1;
    }
}

int rp_decode(const rp_translation *t, const double *x, rp_plan **out, rp_diags *d)
{
    rp_plan *plan = rp_plan_new();
    plan->model_id = t->model->id;
    for (size_t r = 0; r < t->n_residents; r++) {
        const rp_resident *res = &t->cohort->residents[r];
        int pr = rp_plan_add_resident(plan, res->id, res->name, res->cohort,
                                      decoded_course(t, r, x));
        int *held = chosen_pieces(t, r, x, d);
        if (!held) {
            rp_plan_free(plan);
            return -1;
        }
        size_t np;
        add_stints(plan, pr, res, rp_space_pieces(t->space, r, &np), held,
                   rp_space_horizon(t->space, r));
        free(held);
    }
    rp_plan_sort(plan);
    plan->status = RP_PLAN_OPTIMAL;
    *out = plan;
    return 0;
}

/* ---- encode ---- */

/* The block facility of each period of plan resident pr ([h + 1]; RP_ANY where none). A period
 * whose department differs from what the space would decode there (the pinned department, or
 * none) cannot be represented: it is left RP_ANY. */
static int *plan_cells(const rp_plan *plan, int pr, const rp_resident *res, int h)
{
    int *cell = rp_xmalloc(((size_t)h + 1) * sizeof *cell);
    bool *seen = rp_xcalloc((size_t)h + 1, sizeof *seen);
    for (int p = 0; p <= h; p++)
        cell[p] = RP_ANY;
    for (size_t i = 0; i < plan->n_stints; i++) {
        const rp_stint *s = &plan->stints[i];
        if (s->resident != pr || s->mode != RP_MODE_BLOCK)
            continue;
        for (int p = s->first; p <= s->last; p++) {
            if (p < 1 || p > h || seen[p])
                continue;
            seen[p] = true;
            if (s->department == pinned_department(res, p))
                cell[p] = s->facility;
        }
    }
    free(seen);
    return cell;
}

/* Covers the runs of cell with pieces (dynamic programming over each run, so that a run of 6
 * made of pieces of 3 to 5 is found). Sets x of the pieces used; returns the first period that
 * cannot be covered, or 0. */
static int cover_runs(const rp_translation *t, size_t r, const int *cell, double *x)
{
    int h = rp_space_horizon(t->space, r);
    size_t np;
    const rp_piece *pieces = rp_space_pieces(t->space, r, &np);
    int *via = rp_xmalloc(((size_t)h + 2) * sizeof *via); /* piece ending at p-1 reaching p */
    int bad = 0;
    for (int a = 1; a <= h && !bad;) {
        int f = cell[a], b = a;
        while (b + 1 <= h && cell[b + 1] == f)
            b++;
        for (int p = a; p <= b + 1; p++)
            via[p] = -2; /* unreachable */
        via[a] = -1;
        for (int p = a; p <= b; p++) {
            if (via[p] == -2)
                continue;
            for (size_t i = 0; i < np; i++)
                if (pieces[i].facility == f && pieces[i].first == p && pieces[i].last <= b &&
                    via[pieces[i].last + 1] == -2)
                    via[pieces[i].last + 1] = (int)i;
        }
        if (via[b + 1] == -2) {
            bad = a;
            break;
        }
        for (int p = b + 1; p > a; p = pieces[via[p]].first)
            x[pieces[via[p]].col] = 1;
        a = b + 1;
    }
    free(via);
    return bad;
}

int rp_encode(const rp_translation *t, const rp_plan *plan, double **out, rp_diags *d)
{
    size_t n = rp_ilp_n_cols(t->ilp);
    double *x = rp_xmalloc((n + 1) * sizeof *x);
    for (size_t j = 0; j < n; j++)
        x[j] = NAN;
    int err = 0;
    for (size_t r = 0; r < t->n_residents; r++) {
        const rp_resident *res = &t->cohort->residents[r];
        int pr = rp_plan_resident_index(plan, res->id);
        size_t np;
        const rp_piece *pieces = rp_space_pieces(t->space, r, &np);
        for (size_t i = 0; i < np; i++)
            x[pieces[i].col] = 0;
        int h = rp_space_horizon(t->space, r);
        if (pr == RP_NONE) {
            rp_diag_add(d, RP_ERROR, plan->source, 0, 0, 0, "resident '%s' is not in the plan",
                        res->id);
            err = -1;
            continue;
        }
        int *cell = plan_cells(plan, pr, res, h);
        int bad = cover_runs(t, r, cell, x);
        free(cell);
        if (bad) {
            rp_diag_add(d, RP_ERROR, plan->source, 0, 0, 0,
                        "resident '%s': period %d of the plan is held by no piece of the model",
                        res->id, bad);
            err = -1;
        }
        int course = plan->residents[pr].course;
        for (size_t k = 0; k < t->model->n_courses; k++) {
            int col = rp_space_course_col(t->space, r, (int)k);
            if (col >= 0 && course >= 0)
                x[col] = (int)k == course;
        }
    }
    if (err) {
        free(x);
        return -1;
    }
    *out = x;
    return 0;
}
