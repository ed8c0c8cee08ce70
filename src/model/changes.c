/*
 * changes.c: what-if changes to facilities (model.h rp_change) and the period-aware capacity
 * lookups that the capacity rules read, rows and direct checks alike.
 */
#include "rotaplan/calendar.h"
#include "rotaplan/model.h"
#include "util/util.h"

#include <math.h>

void rp_model_add_change(rp_model *m, const rp_change *c)
{
    *RP_PUSH(m->changes, m->n_changes, m->cap_changes) = *c;
}

rp_date rp_slot_first_day(const rp_model *m, long slot)
{
    int ppy = m->calendar.periods_per_year;
    return rp_period_first_day(m, (int)(slot / ppy), (int)(slot % ppy) + 1);
}

/* Whether change c is in force on day d. */
static bool in_force(const rp_change *c, rp_date d)
{
    long day = rp_date_to_days(d);
    return rp_date_to_days(c->from) <= day &&
           (c->until.year == 0 || day <= rp_date_to_days(c->until));
}

double rp_facility_instructors_on(const rp_model *m, int facility, long slot)
{
    double v = rp_facility_instructors(m, facility);
    if (!m->n_changes)
        return v;
    rp_date d = rp_slot_first_day(m, slot);
    for (size_t i = 0; i < m->n_changes; i++) {
        const rp_change *c = &m->changes[i];
        if (c->facility != facility || !in_force(c, d))
            continue;
        if (c->kind == RP_CHANGE_WITHDRAW)
            v = 0;
        else if (c->kind == RP_CHANGE_INSTRUCTORS)
            v = c->value;
    }
    return v;
}

/* a capacity bounded by another limit (-1: none) */
static int bounded(int cap, int limit)
{
    if (limit < 0)
        return cap;
    return cap < 0 || limit < cap ? limit : cap;
}

int rp_capacity_on(const rp_model *m, int facility, int department, long slot)
{
    const rp_facility *f = &m->facilities[facility];
    int cap = department >= 0 ? f->departments[department].capacity : -1;
    if (!m->n_changes)
        return cap;
    rp_date d = rp_slot_first_day(m, slot);
    int whole = -1; /* the facility's limit as a whole; the latest change in force wins */
    for (size_t i = 0; i < m->n_changes; i++) {
        const rp_change *c = &m->changes[i];
        if (c->facility != facility || !in_force(c, d))
            continue;
        int v = (int)floor(c->value + 1e-9);
        if (c->kind == RP_CHANGE_WITHDRAW)
            whole = 0;
        else if (c->kind == RP_CHANGE_CAPACITY && c->department == RP_NONE)
            whole = v;
        else if (c->kind == RP_CHANGE_CAPACITY && c->department == department)
            cap = v; /* the department's new capacity replaces its own */
    }
    return bounded(cap, whole);
}

bool rp_changed_on(const rp_model *m, int facility, long slot, bool *withdrawn)
{
    *withdrawn = false;
    bool any = false;
    if (!m->n_changes)
        return false;
    rp_date d = rp_slot_first_day(m, slot);
    for (size_t i = 0; i < m->n_changes; i++) {
        const rp_change *c = &m->changes[i];
        if (c->facility == facility && in_force(c, d)) {
            any = true;
            *withdrawn = c->kind == RP_CHANGE_WITHDRAW;
        }
    }
    return any;
}
