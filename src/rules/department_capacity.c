/*
 * department_capacity.c: kind `department-capacity`, residents at once in each department, over
 * every cohort together.
 *
 * Rule: in every week (slot of the shared calendar), a department with a capacity holds at most
 * that many residents: each block there counts 1, each parallel session there counts its days a
 * week divided by the working days (a 1-day session uses a fifth of a place, INIT-72). A
 * department a facility does not run holds none.
 *
 * Rows: for every department with a capacity and every slot t,
 *     sum over residents of (their pieces at it covering t + days/5 x their pieces with a
 *     session there covering t) <= capacity,
 * left out when fewer residents could be there than the capacity.
 *
 * Check: the plan's block and parallel rows slot by slot (the loads hook, which `rotaplan
 * capacity` shows); each run of slots over a capacity is one finding naming the most found. Its
 * limits, shares and slots are its own (judged_limit, judged_share, judged_period), not the rows'.
 *
 * With `per_instructor: k` the capacity of a department is floor(k x its 指導医), counted only
 * where the model gives the department's `instructors`, and a parallel session counts a whole
 * resident (RULES.md INIT-70: "Parallel residents at a clinic count as supervised residents:
 * conservative"); a department the facility does not run is left to INIT-72.
 *
 * Used by: INIT-72 (the example group's weekly capacities), INIT-70 (5 residents per 指導医,
 * [web] 臨床研修省令施行通知; the example group's instructor counts are the model's).
 */
#include "rules/kind.h"
#include "rules/weeks.h"
#include "util/i18n.h"

#include <math.h>

typedef struct params {
    double per_instructor; /* INIT-70: residents per 指導医; 0: the departments' capacities */
} params;

static int parse(rp_rule *rule, rp_yctx *y, const rp_ynode *node, const rp_model *m)
{
    (void)m;
    static const rp_ykey keys[] = {{"per_instructor", RP_Y_SCALAR, false}};
    const rp_ynode *v[1] = {NULL};
    params *p = RP_PARAMS_NEW(y, params);
    rule->params = p;
    if (node && rp_kind_params(y, rule, node, keys, 1, v) != 0)
        return -1;
    return v[0] ? rp_ynum(y, v[0], "per_instructor", 1e-9, 1000, &p->per_instructor) : 0;
}

/* The limit of department d of f: its capacity (INIT-72), or floor(k x its instructors)
 * (INIT-70); -1 when the model gives none. */
static int limit_of(const params *pa, const rp_model *m, int f, int d)
{
    const rp_department *dep = &m->facilities[f].departments[d];
    if (pa->per_instructor <= 0)
        return dep->capacity;
    return dep->instructors >= 0 ? (int)floor(pa->per_instructor * dep->instructors + 1e-9) : -1;
}

/* The limit on slot t: INIT-72's with what-if changes, INIT-70's as the model gives it. */
static int limit_on(const params *pa, const rp_model *m, int f, int d, long t)
{
    return pa->per_instructor > 0 ? limit_of(pa, m, f, d) : rp_capacity_on(m, f, d, t);
}

/* The place a parallel session of `days` a week takes: a fifth of one for a day (INIT-72), a
 * whole resident (INIT-70). */
static double session_share(const params *pa, const rp_model *m, double days)
{
    return pa->per_instructor > 0 ? 1 : days / m->calendar.days_per_week;
}

static int period_at(const rp_model *m, int cohort, int horizon, long t)
{
    long p = t - rp_slot(m, cohort, 1) + 1;
    return p >= 1 && p <= horizon ? (int)p : 0;
}

static void slot_range(const rp_model *m, const int *cohorts, const int *horizons, size_t n,
                       long *lo, long *hi)
{
    *lo = 0;
    *hi = -1;
    for (size_t r = 0; r < n; r++) {
        long a = rp_slot(m, cohorts[r], 1), b = rp_slot(m, cohorts[r], horizons[r]);
        if (*hi < *lo || a < *lo)
            *lo = a;
        if (b > *hi)
            *hi = b;
    }
}

static void emit_slot(const params *pa, rp_emit *em, long t, int f, int d)
{
    const rp_model *m = em->model;
    int cap = limit_on(pa, m, f, d, t);
    rp_expr e = {0};
    size_t who = 0;
    for (size_t r = 0; r < em->cohort->n_residents; r++) {
        int p = period_at(m, em->cohort->residents[r].cohort, em->timelines[r].horizon, t);
        if (!p)
            continue;
        size_t n, np, before = e.n;
        const int *cov = rp_space_covering(em->space, r, p, &n);
        const rp_piece *pieces = rp_space_pieces(em->space, r, &np);
        for (size_t i = 0; i < n; i++) {
            const rp_piece *pc = &pieces[cov[i]];
            if (pc->facility != f)
                continue;
            if (pc->department == d)
                rp_expr_add(&e, pc->col, 1);
            else if (pc->par_department == d)
                rp_expr_add(&e, pc->col, session_share(pa, m, pc->par_days));
        }
        who += e.n > before;
    }
    if (who > (size_t)cap) {
        char label[11];
        rp_period_label(m, (int)(t / m->calendar.periods_per_year),
                        (int)(t % m->calendar.periods_per_year) + 1, label);
        for (char *c = label; *c; c++)
            *c = *c == '-' ? '_' : *c;
        rp_emit_row(em, &e, RP_LE, cap, RP_NONE, f, (int)t, (int)t, "f%d_d%d_t%s", f, d, label);
    }
    rp_expr_free(&e);
}

static int emit(const rp_rule *rule, rp_emit *em)
{
    const params *pa = rule->params;
    const rp_model *m = em->model;
    size_t n = em->cohort->n_residents;
    int *cohorts = rp_xcalloc(n + 1, sizeof *cohorts), *horizons = rp_xcalloc(n + 1, sizeof *horizons);
    for (size_t r = 0; r < n; r++) {
        cohorts[r] = em->cohort->residents[r].cohort;
        horizons[r] = em->timelines[r].horizon;
    }
    long lo, hi;
    slot_range(m, cohorts, horizons, n, &lo, &hi);
    for (long t = lo; t <= hi; t++)
        for (size_t f = 0; f < m->n_facilities; f++)
            for (size_t d = 0; d < m->facilities[f].n_departments; d++)
                if (limit_of(pa, m, (int)f, (int)d) >= 0)
                    emit_slot(pa, em, t, (int)f, (int)d);
    free(cohorts);
    free(horizons);
    return 0;
}

/* ---- check (its own limits, shares and slots: not limit_of, limit_on, session_share,
 * period_at, which the rows ask) ---- */

/* Check: the most residents department d of f may hold at once on slot t, or -1 for no limit:
 * INIT-70, 5 (per_instructor) for each of its 指導医, rounded down, where the model gives them;
 * INIT-72, its weekly capacity, what-if changes included (t RP_NONE: as the model states it,
 * which is how loads lists the places). */
static int judged_limit(const params *pa, const rp_model *m, int f, int d, long t)
{
    const rp_department *dep = &m->facilities[f].departments[d];
    if (pa->per_instructor > 0) {
        if (dep->instructors < 0)
            return -1;
        return (int)floor(pa->per_instructor * dep->instructors + 1e-9);
    }
    if (dep->capacity < 0)
        return -1;
    return t == RP_NONE ? dep->capacity : rp_capacity_on(m, f, d, t);
}

/* Check: how much of a place a parallel row takes: a whole resident under INIT-70, its days out
 * of the week's working days under INIT-72 (a day a week: a fifth; a row given as a total,
 * INIT-39, its days spread over its weeks). */
static double judged_share(const params *pa, const rp_model *m, const rp_stint *s)
{
    if (pa->per_instructor > 0)
        return 1;
    return rp_stint_week_days(s) / m->calendar.days_per_week; /* a total spread over its weeks */
}

/* Check: the period of the resident's own calendar that falls on slot t, or 0. */
static int judged_period(const rp_model *m, const rp_resident_plan *rp, long t)
{
    long first = rp_slot(m, rp->planned->cohort, 1);
    if (t < first || t > first + rp->horizon - 1)
        return 0;
    return (int)(t - first + 1);
}

/* The parallel rows of each resident, gathered once. */
typedef struct sessions {
    size_t **index; /* per resident: indices into plan->stints */
    size_t *count;
} sessions;

static sessions gather(const rp_check_ctx *ctx)
{
    sessions ss = {rp_xcalloc(ctx->n_residents + 1, sizeof *ss.index),
                   rp_xcalloc(ctx->n_residents + 1, sizeof *ss.count)};
    size_t *cap = rp_xcalloc(ctx->n_residents + 1, sizeof *cap);
    for (size_t i = 0; i < ctx->plan->n_stints; i++) {
        const rp_stint *s = &ctx->plan->stints[i];
        if (s->mode == RP_MODE_PARALLEL)
            *RP_PUSH(ss.index[s->resident], ss.count[s->resident], cap[s->resident]) = i;
    }
    free(cap);
    return ss;
}

static void release(sessions *ss, size_t n)
{
    for (size_t r = 0; r < n; r++)
        free(ss->index[r]);
    free(ss->index);
    free(ss->count);
}

/* The load of (f, d) on slot t, or of a department f does not run (d < 0, id given). */
static double load_at(const params *pa, const rp_check_ctx *ctx, const sessions *ss, long t,
                      int f, int d, const char *id)
{
    const rp_model *m = ctx->model;
    double load = 0;
    for (size_t r = 0; r < ctx->n_residents; r++) {
        const rp_resident_plan *rp = &ctx->residents[r];
        int p = judged_period(m, rp, t);
        if (!p)
            continue;
        const rp_cell *c = &rp->cells[p];
        if (c->facility == f && c->department == d && rp_streq(c->department_id, id))
            load += 1;
        for (size_t k = 0; k < ss->count[r]; k++) {
            const rp_stint *s = &ctx->plan->stints[ss->index[r][k]];
            if (s->first <= p && p <= s->last && s->facility == f && s->department == d &&
                rp_streq(s->department_id, id))
                load += judged_share(pa, m, s);
        }
    }
    return load;
}

static void report(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out, int f,
                   const char *dept, int cap, long a, long b, double worst)
{
    const rp_model *m = ctx->model;
    char la[11], lb[11], req[48], got[48];
    int ppy = m->calendar.periods_per_year;
    rp_period_label(m, (int)(a / ppy), (int)(a % ppy) + 1, la);
    rp_period_end_label(m, (int)(b / ppy), (int)(b % ppy) + 1, lb);
    snprintf(req, sizeof req, _("at most %d at once"), cap);
    snprintf(got, sizeof got, "%g", worst);
    const params *pa = rule->params;
    if (pa->per_instructor > 0) { /* INIT-70 */
        double ins = -1;
        for (size_t d = 0; d < m->facilities[f].n_departments; d++)
            if (rp_streq(m->facilities[f].departments[d].id, dept))
                ins = m->facilities[f].departments[d].instructors;
        rp_finding_add(out, ctx, rule, RP_NONE, f, (int)a, (int)b, req, got,
                       "%s %s holds up to %g residents at once from %s to %s; its %g 指導医 "
                       "supervise at most %d (%g each)",
                       m->facilities[f].id, dept, worst, la, lb, ins, cap, pa->per_instructor);
        return;
    }
    bool withdrawn = false;
    bool changed = rp_changed_on(m, f, a, &withdrawn);
    rp_finding_add(out, ctx, rule, RP_NONE, f, (int)a, (int)b, req, got,
                   "%s %s holds up to %g residents at once from %s to %s; its capacity is %d%s",
                   m->facilities[f].id, dept, worst, la, lb, cap,
                   withdrawn ? " (the facility has withdrawn then: a what-if change)"
                   : changed ? " (after a what-if change)"
                   : cap == 0 ? " (the facility does not run it)" : "");
}

/* A place and its load on every slot of out. */
static void add_place(const params *pa, const rp_check_ctx *ctx, const sessions *ss,
                      rp_loads *out, int f, int d, const char *id, int cap)
{
    rp_capped *p = rp_loads_add(out, f, d, id, cap);
    for (long t = out->first; t <= out->last; t++) {
        p->load[t - out->first] = load_at(pa, ctx, ss, t, f, d, id);
        if (d >= 0) /* what-if changes included */
            p->limit[t - out->first] = judged_limit(pa, ctx->model, f, d, t);
    }
}

/* Every department with a capacity, then every department a facility does not run that the plan
 * names (capacity 0), each (facility, id) once: what the check judges and `rotaplan capacity`
 * shows. */
static void loads(const rp_rule *rule, const rp_check_ctx *ctx, rp_loads *out)
{
    const params *pa = rule->params;
    const rp_model *m = ctx->model;
    sessions ss = gather(ctx);
    for (size_t f = 0; f < m->n_facilities; f++)
        for (size_t d = 0; d < m->facilities[f].n_departments; d++)
            if (judged_limit(pa, m, (int)f, (int)d, RP_NONE) >= 0)
                add_place(pa, ctx, &ss, out, (int)f, (int)d, NULL,
                          judged_limit(pa, m, (int)f, (int)d, RP_NONE));
    for (size_t i = 0; pa->per_instructor <= 0 && i < ctx->plan->n_stints; i++) {
        const rp_stint *s = &ctx->plan->stints[i];
        bool first = s->department_id != NULL;
        for (size_t j = 0; first && j < i; j++)
            first = !(ctx->plan->stints[j].facility == s->facility &&
                      rp_streq(ctx->plan->stints[j].department_id, s->department_id));
        if (first)
            add_place(pa, ctx, &ss, out, s->facility, RP_NONE, s->department_id, 0);
    }
    release(&ss, ctx->n_residents);
}

/* One finding per run of slots over the place's capacity. */
static void check_place(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out,
                        const rp_loads *l, const rp_capped *p)
{
    const rp_facility *fac = &ctx->model->facilities[p->facility];
    const char *dept = p->department >= 0 ? fac->departments[p->department].id : p->department_id;
    long t = l->first;
    rp_capped_run run;
    while (rp_capped_next_run(l, p, &t, &run))
        report(rule, ctx, out, p->facility, dept, (int)run.limit, run.first, run.last, run.worst);
}

static void check(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    rp_loads l;
    rp_loads_init(&l, ctx);
    loads(rule, ctx, &l);
    for (size_t i = 0; i < l.n_places; i++)
        check_place(rule, ctx, out, &l, &l.places[i]);
    rp_loads_free(&l);
}

static char *describe(const rp_rule *rule, const rp_model *m)
{
    (void)m;
    const params *pa = rule->params;
    if (pa->per_instructor > 0)
        return rp_xasprintf(_("every department holds at most %g residents per 指導医 at once, "
                              "every cohort together, where the model gives its instructors (a "
                              "parallel session counts a resident)"), pa->per_instructor);
    return rp_xstrdup(_("every department holds at most its capacity of residents at once, every "
                        "cohort together (a parallel day takes a fifth of a place)"));
}

const rp_rule_kind rp_kind_department_capacity = {
    .name = "department-capacity",
    .parse = parse,
    .emit = emit,
    .check = check,
    .describe = describe,
    .loads = loads,
};
