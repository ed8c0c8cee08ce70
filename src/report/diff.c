/*
 * diff.c: what a what-if changed. Compares two plans of the same residents period by period
 * (their blocks: facility, and department where both name one) and writes who moves, from which
 * facility to which, in which periods, and a one-line summary. rp_diff_stint_changed applies the
 * same test to one stint, for the HTML report's highlighted bars.
 */
#include "rotaplan/calendar.h"
#include "rotaplan/report.h"
#include "report/writers.h"
#include "util/i18n.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

typedef struct cell {
    bool known;
    int facility, department;
} cell;

/* Block cells of plan resident r over periods 1..horizon. */
static cell *cells_of(const rp_plan *p, int r, int horizon)
{
    cell *c = rp_xcalloc((size_t)horizon + 2, sizeof *c);
    for (size_t i = 0; i < p->n_stints; i++) {
        const rp_stint *s = &p->stints[i];
        if (s->resident != r || s->mode != RP_MODE_BLOCK)
            continue;
        for (int q = s->first < 1 ? 1 : s->first; q <= s->last && q <= horizon; q++)
            c[q] = (cell){true, s->facility, s->department};
    }
    return c;
}

static int last_period(const rp_plan *p, int r)
{
    int last = 0;
    for (size_t i = 0; i < p->n_stints; i++)
        if (p->stints[i].resident == r && p->stints[i].last > last)
            last = p->stints[i].last;
    return last;
}

/* Another facility, or another department where both name one (the base planned as a whole
 * against a plan that names its internal track is no change). */
static bool differ(const cell *a, const cell *b)
{
    if (a->known != b->known)
        return true;
    return a->known && (a->facility != b->facility ||
                        (a->department != RP_NONE && b->department != RP_NONE &&
                         a->department != b->department));
}

static void place(const rp_model *m, const cell *c, char *out, size_t size)
{
    if (!c->known)
        snprintf(out, size, "(none)");
    else if (c->facility < 0)
        snprintf(out, size, "(no facility)");
    else if (c->department >= 0)
        snprintf(out, size, "%s/%s", m->facilities[c->facility].id,
                 m->facilities[c->facility].departments[c->department].id);
    else
        snprintf(out, size, "%s", m->facilities[c->facility].id);
}

bool rp_diff_stint_changed(const rp_plan *old, const rp_plan *new_plan, const rp_stint *s)
{
    if (s->mode != RP_MODE_BLOCK)
        return false;
    int ro = rp_plan_resident_index(old, new_plan->residents[s->resident].id);
    if (ro == RP_NONE)
        return false; /* joins: planned, not changed */
    int horizon = s->last > last_period(old, ro) ? s->last : last_period(old, ro);
    cell *o = cells_of(old, ro, horizon);
    cell n = {true, s->facility, s->department};
    bool changed = false;
    for (int q = s->first < 1 ? 1 : s->first; q <= s->last && !changed; q++)
        changed = differ(&o[q], &n);
    free(o);
    return changed;
}

/* The resident's id, padded to 12 columns by display width (an id in Japanese lines up). */
static void put_id(const char *id, FILE *out)
{
    int pad = 12 - rp_display_width(id);
    fprintf(out, "  %s%*s", id, pad > 0 ? pad : 0, "");
}

/* One run of periods a..b in which resident r moves from old cell o to new cell n. */
static void write_move(const rp_model *m, const rp_plan_resident *res, int a, int b,
                       const cell *o, const cell *n, FILE *out)
{
    char la[11], lb[11], from[160], to[160];
    rp_period_label(m, res->cohort, a, la);
    rp_period_label(m, res->cohort, b, lb);
    if (m->calendar.unit == RP_UNIT_WEEK) /* weeks: the last day, not the last week's first */
        rp_date_format(rp_period_last_day(m, res->cohort, b), lb);
    place(m, o, from, sizeof from);
    place(m, n, to, sizeof to);
    put_id(res->id, out);
    fprintf(out, _(" periods %3d-%-3d (%s .. %s)  %s -> %s\n"), a, b, la, lb, from, to);
}

/* The moves of one resident; returns the periods changed. */
static long resident_moves(const rp_model *m, const rp_plan *old, const rp_plan *new_plan,
                           int rn, FILE *out)
{
    const rp_plan_resident *res = &new_plan->residents[rn];
    int ro = rp_plan_resident_index(old, res->id);
    if (ro == RP_NONE) { /* a resident who joins: planned, not changed */
        put_id(res->id, out);
        fprintf(out, _(" joins (cohort %d): planned from period 1\n"), res->cohort);
        return 0;
    }
    int horizon = last_period(new_plan, rn);
    if (last_period(old, ro) > horizon)
        horizon = last_period(old, ro);
    cell *n = cells_of(new_plan, rn, horizon);
    cell *o = cells_of(old, ro, horizon);
    long changed = 0;
    for (int p = 1; p <= horizon;) {
        if (!differ(&o[p], &n[p])) {
            p++;
            continue;
        }
        int q = p;
        while (q + 1 <= horizon && differ(&o[q + 1], &n[q + 1]) && !differ(&o[q + 1], &o[p]) &&
               !differ(&n[q + 1], &n[p]))
            q++;
        write_move(m, res, p, q, &o[p], &n[p], out);
        changed += q - p + 1;
        p = q + 1;
    }
    free(n);
    free(o);
    return changed;
}

size_t rp_diff_moves(const rp_plan *old, const rp_plan *new_plan, rp_diff_move **out)
{
    size_t n = 0, cap = 0;
    rp_diff_move *moves = NULL;
    for (size_t r = 0; r < new_plan->n_residents; r++) {
        int ro = rp_plan_resident_index(old, new_plan->residents[r].id);
        if (ro == RP_NONE) {
            rp_grow(&moves, &cap, n + 1, sizeof *moves);
            moves[n++] = (rp_diff_move){(int)r, 0, 0, RP_NONE, RP_NONE, RP_NONE, RP_NONE, true};
            continue;
        }
        int horizon = last_period(new_plan, (int)r);
        if (last_period(old, ro) > horizon)
            horizon = last_period(old, ro);
        cell *nc = cells_of(new_plan, (int)r, horizon);
        cell *oc = cells_of(old, ro, horizon);
        for (int p = 1; p <= horizon;) {
            if (!differ(&oc[p], &nc[p])) {
                p++;
                continue;
            }
            int q = p;
            while (q + 1 <= horizon && differ(&oc[q + 1], &nc[q + 1]) &&
                   !differ(&oc[q + 1], &oc[p]) && !differ(&nc[q + 1], &nc[p]))
                q++;
            rp_grow(&moves, &cap, n + 1, sizeof *moves);
            moves[n++] = (rp_diff_move){(int)r,
                                        p,
                                        q,
                                        oc[p].known ? oc[p].facility : RP_NONE,
                                        oc[p].known ? oc[p].department : RP_NONE,
                                        nc[p].known ? nc[p].facility : RP_NONE,
                                        nc[p].known ? nc[p].department : RP_NONE,
                                        false};
            p = q + 1;
        }
        free(nc);
        free(oc);
    }
    *out = moves;
    return n;
}

int rp_report_diff(const rp_model *m, const rp_plan *old, const rp_plan *new_plan, FILE *out,
                   rp_diff_summary *sum)
{
    memset(sum, 0, sizeof *sum);
    fputs(_("changes (resident, periods, from -> to):\n"), out);
    for (size_t r = 0; r < new_plan->n_residents; r++) {
        long changed = resident_moves(m, old, new_plan, (int)r, out);
        sum->periods += changed;
        sum->residents += changed > 0;
        sum->joined += rp_plan_resident_index(old, new_plan->residents[r].id) == RP_NONE;
    }
    if (!sum->periods && !sum->joined)
        fputs(_("  none\n"), out);
    fprintf(out, _("what-if: %zu resident%s affected, %ld resident-period%s changed"), sum->residents,
            sum->residents == 1 ? "" : "s", sum->periods, sum->periods == 1 ? "" : "s");
    if (sum->joined)
        fprintf(out, _(", %zu resident%s joined"), sum->joined, sum->joined == 1 ? "" : "s");
    fputc('\n', out);
    return ferror(out) ? -1 : 0;
}
