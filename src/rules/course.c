/*
 * course.c: see course.h.
 */
#include "rules/course.h"

#include "check/judge.h"

void rp_year_span(const rp_model *m, int year, int *first, int *last)
{
    *first = (year - 1) * m->calendar.periods_per_year + 1;
    *last = year * m->calendar.periods_per_year;
}

bool rp_course_window_in(const rp_model *m, int k, int year)
{
    return k >= 0 && m->courses[k].window_year == year && m->courses[k].window_months > 0;
}

/* A resident with course `any` is given a graduate-school course (RAD-10: D, E) only when the
 * residents file asks for graduate school (graduate_entry_year); the others follow a course
 * without it, unless the model has none such. */
bool rp_resident_may_follow(const rp_model *m, const rp_resident *r, int k)
{
    if (r->course != RP_ANY)
        return r->course == k;
    bool want = r->graduate_entry_year > 0;
    if (m->courses[k].graduate_school == want)
        return true;
    for (size_t j = 0; j < m->n_courses; j++)
        if (m->courses[j].graduate_school == want)
            return false;
    return true;
}

bool rp_resident_may_window(const rp_model *m, const rp_resident *r, int year)
{
    for (size_t k = 0; k < m->n_courses; k++)
        if (rp_resident_may_follow(m, r, (int)k) && rp_course_window_in(m, (int)k, year))
            return true;
    return false;
}

/* Checks only: whether the blocks of a resident fit course k's year pattern (a window counted as
 * fitting), the window read through check/judge.h as the checks read it. */
static bool fits(const rp_model *m, const rp_resident_plan *rp, int k)
{
    const rp_course *c = &m->courses[k];
    for (int y = 1; y <= m->calendar.years; y++) {
        int first, last, partner = 0;
        rp_year_span(m, y, &first, &last);
        for (int p = first; p <= last && p <= rp->horizon; p++) {
            int f = rp->cells[p].facility;
            if (f < 0)
                continue;
            rp_role role = m->facilities[f].role;
            if (role == c->year_roles[y - 1])
                continue;
            if (role == RP_ROLE_PARTNER && rp_judge_course_window(m, k, y) > 0)
                partner++;
            else
                return false;
        }
        if (partner > 0 && partner > c->window_months)
            return false;
    }
    return true;
}

int rp_planned_course(const rp_check_ctx *ctx, size_t r)
{
    const rp_resident_plan *rp = &ctx->residents[r];
    if (rp->course >= 0)
        return rp->course;
    for (size_t k = 0; k < ctx->model->n_courses; k++)
        if (rp_resident_may_follow(ctx->model, rp->resident, (int)k) &&
            fits(ctx->model, rp, (int)k))
            return (int)k;
    return RP_NONE;
}
