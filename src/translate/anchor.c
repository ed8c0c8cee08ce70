/*
 * anchor.c: a what-if keeps the past of an earlier plan and changes as little of the rest as it
 * can.
 *
 * Past. A period of a resident is past when its first day falls before the what-if's date. Every
 * piece that covers a past period in which it disagrees with the earlier plan (another facility,
 * another department where both name one, another parallel session) is fixed to 0; RAD-06's
 * one-place rows then leave only the earlier plan's own assignment there.
 *
 * The course. A resident whose course the solver chooses keeps the one the earlier plan gives:
 * the past was planned under it.
 *
 * Changes. A piece earns one per period from the date on in which it agrees with the earlier
 * plan's block (facility, and department where both name one): maximising the sum keeps the most
 * resident-periods, i.e. changes the fewest.
 */
#include "rotaplan/translate.h"
#include "translate/space.h"
#include "util/i18n.h"
#include "util/util.h"

#include <math.h>
#include <stdlib.h>

/* The earlier plan's assignment in one period of one resident. */
typedef struct old_cell {
    bool known;
    int facility, department;
    int par_department;
    double par_days;
    bool par_night;
} old_cell;

/* The cells of old's resident o over periods 1..horizon. */
static old_cell *old_cells(const rp_plan *old, int o, int horizon)
{
    old_cell *cells = rp_xcalloc((size_t)horizon + 2, sizeof *cells);
    for (int p = 0; p <= horizon + 1; p++)
        cells[p].par_department = RP_NONE;
    for (size_t i = 0; i < old->n_stints; i++) {
        const rp_stint *s = &old->stints[i];
        if (s->resident != o)
            continue;
        for (int p = s->first; p <= s->last && p <= horizon; p++) {
            if (p < 1)
                continue;
            if (s->mode == RP_MODE_PARALLEL) {
                /* a total (INIT-39) is no weekly session a piece can keep */
                cells[p].par_department = s->days_total > 0 ? RP_ANY : s->department;
                cells[p].par_days = s->days_per_week;
                cells[p].par_night = s->night;
            } else {
                cells[p].known = true;
                cells[p].facility = s->facility;
                cells[p].department = s->department;
            }
        }
    }
    return cells;
}

bool rp_anchor_agrees(const rp_piece *pc, int facility, int department)
{
    return pc->facility == facility &&
           (pc->department == RP_NONE || department == RP_NONE || pc->department == department);
}

static bool block_agrees(const rp_piece *pc, const old_cell *c)
{
    return c->known && rp_anchor_agrees(pc, c->facility, c->department);
}

static bool session_agrees(const rp_piece *pc, const old_cell *c)
{
    if (pc->par_department == RP_NONE || c->par_department == RP_NONE)
        return pc->par_department == c->par_department;
    return pc->par_department == c->par_department && fabs(pc->par_days - c->par_days) < 1e-9 &&
           pc->par_night == c->par_night;
}

int rp_anchor_first_open(const rp_model *m, int cohort, int horizon, rp_date from)
{
    long day = rp_date_to_days(from);
    int p = 1;
    while (p <= horizon && rp_date_to_days(rp_period_first_day(m, cohort, p)) < day)
        p++;
    return p;
}

static void anchor_resident(rp_translation *t, size_t r, const old_cell *cells, int open,
                            double *matches)
{
    size_t n;
    const rp_piece *pieces = rp_space_pieces(t->space, r, &n);
    for (size_t i = 0; i < n; i++) {
        const rp_piece *pc = &pieces[i];
        bool keep = true;
        for (int p = pc->first; p <= pc->last && p < open && keep; p++)
            keep = !cells[p].known ||
                   (block_agrees(pc, &cells[p]) && session_agrees(pc, &cells[p]));
        if (!keep) {
            rp_ilp_set_col_bounds(t->ilp, pc->col, 0, 0);
            continue;
        }
        int agree = 0;
        for (int p = pc->first > open ? pc->first : open; p <= pc->last; p++)
            agree += block_agrees(pc, &cells[p]);
        matches[pc->col] = agree;
    }
}

/* A row of old's resident o that lies (partly) before period open and that no piece can hold:
 * a parallel session given as a total (INIT-39) or a visit (INIT-44). The planner makes neither,
 * so keeping it is not a question the ILP can answer: a located error, not "no plan exists". */
static int unkeepable_past(const rp_plan *old, int o, int open, const rp_resident *res,
                           rp_diags *d)
{
    int err = 0;
    for (size_t i = 0; i < old->n_stints; i++) {
        const rp_stint *s = &old->stints[i];
        if (s->resident != o || s->mode != RP_MODE_PARALLEL || s->first >= open ||
            (s->days_total <= 0 && !s->visit))
            continue;
        rp_diag_add(d, RP_ERROR, old->source, s->line, 1, 0,
                    s->visit ? _("resident %s's visit row (periods %d-%d) lies before the "
                                 "what-if's date: the planner makes no visits (INIT-44), so it "
                                 "cannot keep them; give a date after period %d")
                             : _("resident %s's session row given as days_total (periods %d-%d) "
                                 "lies before the what-if's date: the planner makes no sessions "
                                 "given as a total (INIT-39), so it cannot keep them; give them "
                                 "as days_per_week, or a date after period %d"),
                    res->id, s->first, s->last, s->last);
        err = -1;
    }
    return err;
}

/* Fixes the course columns of resident r to old's course (when the solver chooses it). */
static void keep_course(rp_translation *t, size_t r, int course)
{
    if (course < 0 || rp_space_fixed_course(t->space, r) != RP_ANY)
        return;
    for (size_t k = 0; k < t->model->n_courses; k++) {
        int col = rp_space_course_col(t->space, r, (int)k);
        if (col >= 0)
            rp_ilp_set_col_bounds(t->ilp, col, (int)k == course, (int)k == course);
    }
}

int rp_anchor(rp_translation *t, const rp_plan *old, rp_date from, double **matches,
              long *open_periods, rp_diags *d)
{
    const rp_model *m = t->model;
    *matches = rp_xcalloc(rp_ilp_n_cols(t->ilp) + 1, sizeof **matches);
    *open_periods = 0;
    int err = 0;
    for (size_t r = 0; r < t->n_residents; r++) {
        const rp_resident *res = &t->cohort->residents[r];
        int o = rp_plan_resident_index(old, res->id);
        if (o == RP_NONE)
            continue; /* a new resident: nothing to keep */
        if (old->residents[o].cohort != res->cohort) {
            rp_diag_add(d, RP_ERROR, old->source, old->residents[o].line, 0, 0,
                        "resident %s starts in %d in the plan but in %d in the residents",
                        res->id, old->residents[o].cohort, res->cohort);
            err = -1;
            continue;
        }
        int horizon = rp_space_horizon(t->space, r);
        old_cell *cells = old_cells(old, o, horizon);
        int open = rp_anchor_first_open(m, res->cohort, horizon, from);
        if (unkeepable_past(old, o, open, res, d) != 0) {
            err = -1;
            free(cells);
            continue;
        }
        for (int p = open; p <= horizon; p++)
            *open_periods += cells[p].known;
        anchor_resident(t, r, cells, open, *matches);
        keep_course(t, r, old->residents[o].course);
        free(cells);
    }
    return err;
}
