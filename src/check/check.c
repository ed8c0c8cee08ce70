/*
 * check.c: the check stage. It lays each resident's block rows over the periods of the
 * resident's own calendar (the cells every rule's check walks), runs the direct check of every
 * enabled rule, and sorts the findings. It never sees the ILP: a plan made by the solver and a
 * plan made by hand in a spreadsheet are checked the same way. The context the checks see is
 * also built on its own (rp_check_ctx_new) for `rotaplan capacity`, which asks the capacity
 * kinds for their loads (rp_loads, kept here) instead of their findings.
 */
#include "rotaplan/check.h"
#include "rotaplan/credit.h"
#include "rotaplan/rule.h"
#include "util/i18n.h"
#include "util/util.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void rp_findings_free(rp_findings *f)
{
    for (size_t i = 0; i < f->count; i++) {
        free(f->items[i].required);
        free(f->items[i].found);
        free(f->items[i].message);
    }
    free(f->items);
    f->items = NULL;
    f->count = f->cap = 0;
}

size_t rp_findings_count(const rp_findings *f, rp_level level)
{
    size_t n = 0;
    for (size_t i = 0; i < f->count; i++)
        n += f->items[i].level == level;
    return n;
}

static rp_level level_of(rp_rule_class c)
{
    return c == RP_CLASS_SOFT ? RP_LEVEL_WARNING : RP_LEVEL_VIOLATION;
}

rp_finding *rp_finding_add(rp_findings *out, const rp_check_ctx *ctx, const rp_rule *rule,
                           int resident, int facility, int first, int last, const char *required,
                           const char *found, const char *fmt, ...)
{
    rp_finding *f = RP_PUSH(out->items, out->count, out->cap);
    f->rule = (size_t)(rule - ctx->model->rules);
    f->level = level_of(rule->cls);
    f->resident = resident;
    f->facility = facility;
    f->first = first;
    f->last = last;
    f->required = required ? rp_xstrdup(required) : NULL;
    f->found = found ? rp_xstrdup(found) : NULL;
    va_list ap;
    va_start(ap, fmt);
    f->message = rp_xvasprintf(_(fmt), ap); /* the reader's language: the catalogue has fmt */
    va_end(ap);
    return f;
}

int rp_next_run(const rp_resident_plan *rp, int from, int *facility, int *last)
{
    if (from < 1 || from > rp->horizon)
        return 0;
    int f = rp->cells[from].facility;
    int p = from;
    while (p + 1 <= rp->horizon && rp->cells[p + 1].facility == f)
        p++;
    *facility = f;
    *last = p;
    return from;
}

/* The days a week of a parallel row as the crediting takes them: days_per_week, or a total
 * (INIT-39, 000 Q15 L28: the days need not be fixed in advance) spread evenly over the row's
 * weeks, each session no longer than the half day of a morning-only clinic (INIT-38). */
static double session_days(const rp_model *m, const rp_stint *s)
{
    if (s->days_total <= 0)
        return s->days_per_week;
    double each = s->days_per_week;
    if (s->facility >= 0 && s->department >= 0 &&
        m->facilities[s->facility].departments[s->department].half_day_only && each > 0.5)
        each = 0.5;
    return s->days_total * each / (s->last - s->first + 1);
}

void rp_check_week(const rp_check_ctx *ctx, size_t r, int p, rp_session *sessions, size_t max,
                   size_t *n_sessions, rp_week *out)
{
    const rp_resident_plan *rp = &ctx->residents[r];
    const rp_cell *c = &rp->cells[p];
    out->block = (rp_place){c->facility, c->department, c->department_id};
    out->year = rp_period_year(ctx->model, p);
    out->sessions = sessions;
    size_t n = 0;
    for (size_t i = 0; i < ctx->plan->n_stints; i++) {
        const rp_stint *s = &ctx->plan->stints[i];
        if (s->resident != (int)r || s->mode != RP_MODE_PARALLEL || p < s->first || p > s->last)
            continue;
        if (n < max)
            sessions[n] = (rp_session){{s->facility, s->department, s->department_id},
                                       session_days(ctx->model, s), s->night, s->visit};
        n++;
    }
    out->n_sessions = n < max ? n : max;
    *n_sessions = n;
}

const char *rp_check_resident_id(const rp_check_ctx *ctx, int resident)
{
    return ctx->plan->residents[resident].id;
}

/* Lays the block rows over the periods; the first row covering a period wins (overlaps are
 * RAD-06's to report, from the rows themselves). */
static void fill_cells(const rp_plan *plan, int resident, rp_resident_plan *rp)
{
    rp->cells = rp_xmalloc(((size_t)rp->horizon + 1) * sizeof *rp->cells);
    for (int p = 0; p <= rp->horizon; p++) {
        rp->cells[p].facility = RP_NONE;
        rp->cells[p].department = RP_NONE;
        rp->cells[p].stint = -1;
        rp->cells[p].department_id = NULL;
    }
    for (size_t i = 0; i < plan->n_stints; i++) {
        const rp_stint *s = &plan->stints[i];
        if (s->resident != resident || s->mode != RP_MODE_BLOCK)
            continue;
        for (int p = s->first; p <= s->last; p++) {
            if (p < 1 || p > rp->horizon || rp->cells[p].stint >= 0)
                continue;
            rp->cells[p].facility = s->facility;
            rp->cells[p].department = s->department;
            rp->cells[p].stint = (int)i;
            rp->cells[p].department_id = s->department_id;
        }
    }
}

/* Finds the cohort's record of each planned resident; a missing one or a cohort year that
 * disagrees is bad input. */
static int match_residents(const rp_model *m, const rp_cohort *cohort, const rp_plan *plan,
                           const rp_resident **out, rp_diags *d)
{
    int err = 0;
    for (size_t i = 0; i < plan->n_residents; i++) {
        const rp_plan_resident *pr = &plan->residents[i];
        int k = rp_cohort_resident(cohort, pr->id);
        if (k == RP_NONE) {
            rp_diag_add(d, RP_ERROR, plan->source, pr->line, 1, 0,
                        "resident '%s' of the plan is not in the residents file '%s'", pr->id,
                        cohort->path ? cohort->path : "(default cohort)");
            err = -1;
            continue;
        }
        const rp_resident *r = &cohort->residents[k];
        if (r->cohort != pr->cohort) {
            rp_diag_add(d, RP_ERROR, plan->source, pr->line, 1, 0,
                        "resident '%s' starts in %d in the plan but in %d in the residents file",
                        pr->id, pr->cohort, r->cohort);
            err = -1;
        }
        out[i] = r;
    }
    (void)m;
    return err;
}

static int compare_findings(const void *a, const void *b)
{
    const rp_finding *x = a, *y = b;
    if (x->rule != y->rule)
        return x->rule < y->rule ? -1 : 1;
    if (x->resident != y->resident)
        return x->resident < y->resident ? -1 : 1;
    if (x->first != y->first)
        return x->first < y->first ? -1 : 1;
    if (x->facility != y->facility)
        return x->facility < y->facility ? -1 : 1;
    return strcmp(x->message, y->message);
}

/* A violation of a PROG rule where the plan declares that it bends it (a what-if's decision) is
 * reported as a finding. */
static void declared_bends(const rp_model *m, const rp_plan *plan, rp_findings *out, size_t from)
{
    for (size_t i = from; i < out->count; i++) {
        rp_finding *f = &out->items[i];
        if (f->level != RP_LEVEL_VIOLATION || m->rules[f->rule].cls != RP_CLASS_PROGRAMME ||
            f->resident < 0 || !rp_plan_bends(plan, (int)f->rule, f->resident, f->first, f->last))
            continue;
        f->level = RP_LEVEL_FINDING;
        char *message = rp_xasprintf(_("%s; the plan declares this bend (a what-if's decision)"),
                                     f->message);
        free(f->message);
        f->message = message;
    }
}

int rp_check_ctx_new(const rp_model *m, const rp_cohort *cohort, const rp_plan *plan,
                     rp_check_ctx **out, rp_diags *d)
{
    rp_cohort *own = NULL;
    if (!cohort) {
        /* no residents file: every planned resident trains full-time, as the plan says */
        own = rp_cohort_new();
        for (size_t i = 0; i < plan->n_residents; i++)
            rp_cohort_add_resident(own, plan->residents[i].id, plan->residents[i].cohort,
                                   plan->residents[i].course >= 0 ? plan->residents[i].course
                                                                  : RP_ANY);
        cohort = own;
    }
    const rp_resident **records = rp_xcalloc(plan->n_residents + 1, sizeof *records);
    if (match_residents(m, cohort, plan, records, d) != 0) {
        free(records);
        rp_cohort_free(own);
        return -1;
    }
    rp_check_ctx *ctx = rp_xcalloc(1, sizeof *ctx);
    *ctx = (rp_check_ctx){m, cohort, plan, NULL, plan->n_residents, own};
    ctx->residents = rp_xcalloc(plan->n_residents + 1, sizeof *ctx->residents);
    for (size_t i = 0; i < plan->n_residents; i++) {
        rp_resident_plan *rp = &ctx->residents[i];
        rp->resident = records[i];
        rp->planned = &plan->residents[i];
        rp->course = plan->residents[i].course;
        rp_timeline_build(m, records[i], &rp->timeline);
        rp->horizon = rp->timeline.horizon;
        fill_cells(plan, (int)i, rp);
    }
    free(records);
    *out = ctx;
    return 0;
}

void rp_check_ctx_free(rp_check_ctx *ctx)
{
    if (!ctx)
        return;
    for (size_t i = 0; i < ctx->n_residents; i++) {
        rp_timeline_free(&ctx->residents[i].timeline);
        free(ctx->residents[i].cells);
    }
    free(ctx->residents);
    rp_cohort_free(ctx->own_cohort);
    free(ctx);
}

void rp_check_slots(const rp_check_ctx *ctx, long *first, long *last)
{
    *first = 0;
    *last = -1;
    for (size_t r = 0; r < ctx->n_residents; r++) {
        long a = rp_slot(ctx->model, ctx->residents[r].planned->cohort, 1);
        long b = rp_slot(ctx->model, ctx->residents[r].planned->cohort, ctx->residents[r].horizon);
        if (*last < *first || a < *first)
            *first = a;
        if (b > *last)
            *last = b;
    }
}

rp_level rp_rule_level(const rp_rule *rule)
{
    return level_of(rule->cls);
}

bool rp_rule_on_cohort(const rp_rule *rule)
{
    return rule->cls == RP_CLASS_INTAKE || rule->kind->on_cohort;
}

int rp_check_plan(const rp_model *m, const rp_cohort *cohort, const rp_plan *plan,
                  rp_findings *out, rp_diags *d)
{
    rp_check_ctx *ctx = NULL;
    if (rp_check_ctx_new(m, cohort, plan, &ctx, d) != 0)
        return -1;
    size_t first = out->count;
    for (size_t k = 0; k < m->n_rules; k++) {
        const rp_rule *rule = &m->rules[k];
        if (rule->enabled)
            rule->kind->check(rule, ctx, out);
    }
    declared_bends(m, plan, out, first);
    if (out->count > first)
        qsort(out->items + first, out->count - first, sizeof *out->items, compare_findings);
    rp_check_ctx_free(ctx);
    return 0;
}

/* ---- loads ---- */

void rp_loads_init(rp_loads *l, const rp_check_ctx *ctx)
{
    *l = (rp_loads){0};
    rp_check_slots(ctx, &l->first, &l->last);
}

rp_capped *rp_loads_add(rp_loads *l, int facility, int department, const char *department_id,
                       double capacity)
{
    size_t n = l->last >= l->first ? (size_t)(l->last - l->first + 1) : 0;
    rp_capped *p = RP_PUSH(l->places, l->n_places, l->cap_places);
    *p = (rp_capped){facility, department, department_id, capacity,
                    rp_xcalloc(n + 1, sizeof *p->load), rp_xmalloc((n + 1) * sizeof *p->limit)};
    for (size_t i = 0; i <= n; i++)
        p->limit[i] = capacity;
    return p;
}

void rp_loads_free(rp_loads *l)
{
    for (size_t i = 0; i < l->n_places; i++) {
        free(l->places[i].load);
        free(l->places[i].limit);
    }
    free(l->places);
    *l = (rp_loads){0};
}

bool rp_capped_over(const rp_capped *p, long i, double load)
{
    return load > p->limit[i] + 1e-9;
}

bool rp_capped_next_run(const rp_loads *l, const rp_capped *p, long *from, rp_capped_run *run)
{
    long t = *from;
    while (t <= l->last && !rp_capped_over(p, t - l->first, p->load[t - l->first]))
        t++;
    if (t > l->last) {
        *from = t;
        return false;
    }
    *run = (rp_capped_run){t, t, p->load[t - l->first], p->limit[t - l->first]};
    for (; t <= l->last && rp_capped_over(p, t - l->first, p->load[t - l->first]); t++) {
        long i = t - l->first;
        run->last = t;
        run->worst = p->load[i] > run->worst ? p->load[i] : run->worst;
        run->limit = p->limit[i] < run->limit ? p->limit[i] : run->limit;
    }
    *from = t;
    return true;
}

const char *rp_level_name(rp_level level)
{
    switch (level) {
    case RP_LEVEL_VIOLATION:
        return "violation";
    case RP_LEVEL_WARNING:
        return "warning";
    case RP_LEVEL_FINDING:
        return "finding";
    }
    return "finding";
}
