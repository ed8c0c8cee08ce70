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

/* What a period holds: its block and its parallel session (par_department RP_NONE: none). */
typedef struct slot {
    int facility;       /* RP_ANY: nothing the space can hold */
    int department;
    int par_department; /* at the block's facility */
    double par_days;
    bool par_night;     /* the session is night duty (INIT-35) */
} slot;

static bool same_block(const slot *a, const slot *b)
{
    return a->facility == b->facility && a->department == b->department;
}

static bool same_session(const slot *a, const slot *b)
{
    return a->facility == b->facility && a->par_department == b->par_department &&
           a->par_days == b->par_days && a->par_night == b->par_night;
}

/* The stints of one resident: blocks over runs of the same place, parallel rows over runs of the
 * same session. */
static void add_stints(rp_plan *plan, int pr, const slot *at, int h)
{
    for (int p = 1, q; p <= h; p = q + 1) {
        for (q = p; q + 1 <= h && same_block(&at[q + 1], &at[p]); q++)
            ;
        rp_stint s = {.resident = pr, .facility = at[p].facility, .department = at[p].department,
                      .mode = RP_MODE_BLOCK, .first = p, .last = q};
        rp_plan_add_stint(plan, &s);
    }
    for (int p = 1, q; p <= h; p = q + 1) {
        for (q = p; q + 1 <= h && same_session(&at[q + 1], &at[p]); q++)
            ;
        if (at[p].par_department == RP_NONE)
            continue;
        rp_stint s = {.resident = pr, .facility = at[p].facility,
                      .department = at[p].par_department, .mode = RP_MODE_PARALLEL, .first = p,
                      .last = q, .days_per_week = at[p].par_days, .night = at[p].par_night};
        rp_plan_add_stint(plan, &s);
    }
}

/* The slots of the chosen pieces; a facility planned as a whole takes the pinned department. */
static slot *decoded_slots(const rp_resident *res, const rp_piece *pieces, const int *held, int h)
{
    slot *at = rp_xcalloc((size_t)h + 1, sizeof *at);
    for (int p = 1; p <= h; p++) {
        const rp_piece *pc = &pieces[held[p]];
        at[p].facility = pc->facility;
        at[p].department = pc->department >= 0 ? pc->department : pinned_department(res, p);
        at[p].par_department = pc->par_department;
        at[p].par_days = pc->par_days;
        at[p].par_night = pc->par_night;
    }
    return at;
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
        int h = rp_space_horizon(t->space, r);
        slot *at = decoded_slots(res, rp_space_pieces(t->space, r, &np), held, h);
        add_stints(plan, pr, at, h);
        free(at);
        free(held);
    }
    rp_plan_sort(plan);
    plan->status = RP_PLAN_OPTIMAL;
    *out = plan;
    return 0;
}

/* ---- encode ---- */

/* The slots of plan resident pr as the space would hold them ([h + 1]); RP_ANY where it cannot:
 * no block, two blocks or two sessions at once, a session at another facility than the block, a
 * department the space does not plan (at a facility planned as a whole, only the pinned
 * department decodes). A model that plans no parallel training (radiology: part-time rows are
 * the residents' own arrangement) leaves parallel rows out of the space. */
static slot *plan_slots(const rp_model *m, const rp_plan *plan, int pr, const rp_resident *res,
                        int h)
{
    slot *at = rp_xcalloc((size_t)h + 1, sizeof *at);
    int *blocks = rp_xcalloc((size_t)h + 1, sizeof *blocks);
    int *sessions = rp_xcalloc((size_t)h + 1, sizeof *sessions);
    for (int p = 0; p <= h; p++)
        at[p] = (slot){RP_ANY, RP_NONE, RP_NONE, 0, false};
    for (size_t i = 0; i < plan->n_stints; i++) {
        const rp_stint *s = &plan->stints[i];
        for (int p = s->first < 1 ? 1 : s->first; s->resident == pr && p <= s->last && p <= h; p++) {
            if (s->mode == RP_MODE_BLOCK && blocks[p]++ == 0) {
                at[p].facility = s->department_id ? RP_ANY : s->facility;
                at[p].department = s->department;
            } else if (s->mode == RP_MODE_PARALLEL &&
                       (s->night || m->n_parallel_departments > 0) && sessions[p]++ == 0) {
                /* a night row is always in the space: only night pieces hold it; a row given
                 * as a total (INIT-39) is a weekly session of no piece */
                at[p].par_department = s->department_id || s->days_total > 0 ? RP_ANY
                                                                              : s->department;
                at[p].par_days = s->days_per_week;
                at[p].par_night = s->night;
            }
        }
    }
    for (int p = 1; p <= h; p++) {
        slot *a = &at[p];
        bool whole = a->facility >= 0 && !rp_space_by_department(&m->facilities[a->facility]);
        if (whole && a->department != pinned_department(res, p))
            a->facility = RP_ANY;
        if (whole)
            a->department = RP_NONE; /* pieces of a whole facility name none */
        if (blocks[p] != 1 || sessions[p] > 1 || a->par_department == RP_ANY)
            a->facility = RP_ANY;
        for (size_t i = 0; sessions[p] == 1 && i < plan->n_stints; i++) {
            const rp_stint *s = &plan->stints[i];
            if (s->resident == pr && s->mode == RP_MODE_PARALLEL && s->first <= p &&
                p <= s->last && s->facility != a->facility)
                a->facility = RP_ANY;
        }
    }
    free(blocks);
    free(sessions);
    return at;
}

static bool piece_holds(const rp_piece *pc, const slot *a)
{
    return pc->facility == a->facility && pc->department == a->department &&
           pc->par_department == a->par_department &&
           (pc->par_department == RP_NONE ||
            (pc->par_days == a->par_days && pc->par_night == a->par_night));
}

static bool same_slot(const slot *a, const slot *b)
{
    return same_block(a, b) && same_session(a, b);
}

/* Covers the runs of equal slots with pieces (dynamic programming over each run, so that a run
 * of 6 made of pieces of 3 to 5 is found). Sets x of the pieces used; returns the first period
 * that cannot be covered, or 0. */
static int cover_runs(const rp_translation *t, size_t r, const slot *at, double *x)
{
    int h = rp_space_horizon(t->space, r);
    size_t np;
    const rp_piece *pieces = rp_space_pieces(t->space, r, &np);
    int *via = rp_xmalloc(((size_t)h + 2) * sizeof *via); /* piece ending at p-1 reaching p */
    int bad = 0;
    for (int a = 1; a <= h && !bad;) {
        int b = a;
        while (b + 1 <= h && same_slot(&at[b + 1], &at[a]))
            b++;
        for (int p = a; p <= b + 1; p++)
            via[p] = -2; /* unreachable */
        via[a] = -1;
        for (int p = a; p <= b; p++) {
            if (via[p] == -2)
                continue;
            for (size_t i = 0; i < np; i++)
                if (piece_holds(&pieces[i], &at[a]) && pieces[i].first == p &&
                    pieces[i].last <= b && via[pieces[i].last + 1] == -2)
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
        slot *at = plan_slots(t->model, plan, pr, res, h);
        int bad = cover_runs(t, r, at, x);
        free(at);
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
